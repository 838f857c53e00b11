/* The floor for WardSim's HTTP layer: libmicrohttpd answering a fixed body with the
 * same threading options as `wardsim serve` (internal polling thread, epoll, a thread
 * pool sized to the cores, suspend/resume allowed). With FILE, paths under /assets/
 * answer that file's bytes (read once), the floor for a static file of that size.
 * Usage: bare_hello PORT THREADS [FILE] */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char BODY[] = "{\"status\":\"ok\"}";
static char *file_body = NULL;
static size_t file_size = 0;

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    (void)cls; (void)url; (void)method; (void)version; (void)upload;
    if (*con_cls == NULL) { *con_cls = (void *)1; return MHD_YES; }
    if (*upload_size != 0) { *upload_size = 0; return MHD_YES; }
    struct MHD_Response *r;
    if (file_body && strncmp(url, "/assets/", 8) == 0) {
        r = MHD_create_response_from_buffer(file_size, file_body, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Content-Type", "text/css; charset=utf-8");
    } else {
        r = MHD_create_response_from_buffer(sizeof BODY - 1, (void *)BODY, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
    }
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 8099;
    unsigned threads = argc > 2 ? (unsigned)atoi(argv[2]) : 2;
    if (argc > 3) {
        FILE *f = fopen(argv[3], "rb");
        if (!f) { fprintf(stderr, "bare_hello: cannot read %s\n", argv[3]); return 1; }
        fseek(f, 0, SEEK_END);
        file_size = (size_t)ftell(f);
        fseek(f, 0, SEEK_SET);
        file_body = malloc(file_size ? file_size : 1);
        if (fread(file_body, 1, file_size, f) != file_size) { fprintf(stderr, "bare_hello: short read\n"); return 1; }
        fclose(f);
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME, (uint16_t)port, NULL, NULL,
        handler, NULL, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, 4096u,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (!d) { fprintf(stderr, "bare_hello: cannot listen on %d\n", port); return 1; }
    sigset_t set; sigemptyset(&set); sigaddset(&set, SIGINT); sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig; sigwait(&set, &sig);
    MHD_stop_daemon(d);
    return 0;
}
