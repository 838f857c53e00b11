"""A failed or cut reply keeps the transcript and the question, and says so.

The page's fetch is wrapped (through WebDriver, not the page) so the streaming request
misbehaves in a chosen way while everything else talks to the real server.
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import by_label, visible, wait
from test_trainee_journey import ENCOUNTER_ROUTES, ask, start_case

BREAK_STREAM = """
const mode = arguments[0];
const real = window.fetch.bind(window);
window.fetch = (url, options) => {
  if (!String(url).endsWith('/messages/stream')) return real(url, options);
  const enc = new TextEncoder();
  const body = new ReadableStream({ start(c) {
    if (mode === 'cut') { c.enqueue(enc.encode('event: token\\ndata: I was just say\\n\\n')); setTimeout(() => c.error(new TypeError('network')), 100); }
    else { c.enqueue(enc.encode('event: error\\ndata: {"message":"The model timed out."}\\n\\n')); c.close(); }
  } });
  return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
};
"""


def test_a_reply_cut_mid_stream_keeps_the_question_and_the_transcript(server, browser):
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    first = ask(browser, "Where is the pain?")
    browser.execute_script(BREAK_STREAM, "cut")
    box = by_label(browser, "Ask the patient")
    box.send_keys("Does it go anywhere?")
    box.send_keys(Keys.ENTER)
    error = visible(browser, "#question-error")
    assert "send it again" in error.text
    assert box.get_attribute("value") == "Does it go anywhere?"
    replies = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#log .msg.patient .bubble")]
    assert first in replies and "I was just say" not in replies
    assert "Not sent" in browser.find_element(By.CSS_SELECTOR, "#log .msg.system").text


def test_an_error_before_any_text_falls_back_to_the_json_reply(server, browser):
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    browser.execute_script(BREAK_STREAM, "error")
    reply = ask(browser, "Do you have any allergies?")
    assert reply.strip()
    assert not browser.find_elements(By.ID, "question-error")
    wait(browser).until(lambda d: d.find_element(By.ID, "question").get_attribute("value") == "")
