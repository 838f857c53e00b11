# WardSim: the two commands that matter are `make run` and `make test`.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run build release test test-browser test-reliability lint format test-llm bench clean

## run: install what is missing, build for release, serve on http://127.0.0.1:8080
run: release
	mkdir -p data
	.build/release/wardsim serve --host $(HOST) --port $(PORT) --db data/wardsim.sqlite \
	  --scenarios Scenarios --curriculum Curriculum --assets WebAssets

release:
	scripts/bootstrap
	swift build -c release --product wardsim

build:
	scripts/bootstrap
	swift build

## test: every test — lint, Swift unit and live-server tests, scenario validation, browser and API tests
test:
	scripts/test

## test-browser: journeys in a real Chromium (Selenium + axe), screenshots in test-output/
test-browser:
	scripts/test-python Tests/browser

## test-reliability: kill -9, backup under load, LLM faults, bad files, schemathesis
test-reliability:
	scripts/test-python Tests/reliability

lint:
	swift format lint --strict --recursive Sources Tests

format:
	swift format --in-place --recursive Sources Tests

## test-llm: interviews through a real llama-server with SmolLM2-135M (slow the first time; not in `make test`)
test-llm:
	scripts/test-llm

## bench: benchmarks that print ratios measured side by side
bench:
	Benchmarks/run

clean:
	rm -rf .build test-output
