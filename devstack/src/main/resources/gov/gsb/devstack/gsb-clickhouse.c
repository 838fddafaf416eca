/*
 * gsb-clickhouse: runs ClickHouse's clickhouse-local, as shipped in libchdb.so
 * (npm @chdb/lib-linux-x64-gnu), with the arguments it is given.
 *
 * The devstack launcher passes --path, --listen_host, --http_port, --tcp_port,
 * a config file and a query that starts the HTTP and native listeners and then
 * blocks, which turns clickhouse-local into a real ClickHouse server for the
 * local stack and the tests. Production runs clickhouse-server instead.
 *
 * Built by the launcher with: gcc -O2 -o gsb-clickhouse gsb-clickhouse.c -ldl
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Layout of chdb's struct local_result_v2 (chdb.h). */
struct local_result_v2 {
    char *buf;
    size_t len;
    void *_vec;
    double elapsed;
    unsigned long long rows_read;
    unsigned long long bytes_read;
    char *error_message;
};

typedef struct local_result_v2 *(*query_stable_v2_fn)(int argc, char **argv);

int main(int argc, char **argv) {
    const char *lib = getenv("GSB_CHDB_LIB");
    if (lib == NULL || lib[0] == '\0') {
        fprintf(stderr, "gsb-clickhouse: set GSB_CHDB_LIB to the path of libchdb.so\n");
        return 2;
    }
    void *handle = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        fprintf(stderr, "gsb-clickhouse: cannot load %s: %s\n", lib, dlerror());
        return 2;
    }
    query_stable_v2_fn query = (query_stable_v2_fn) dlsym(handle, "query_stable_v2");
    if (query == NULL) {
        fprintf(stderr, "gsb-clickhouse: %s has no query_stable_v2: %s\n", lib, dlerror());
        return 2;
    }
    /* clickhouse-local expects its own program name first. */
    argv[0] = "clickhouse";
    struct local_result_v2 *result = query(argc, argv);
    /* The query only returns when the server is stopped or failed to start. */
    if (result != NULL && result->error_message != NULL) {
        fprintf(stderr, "gsb-clickhouse: %s\n", result->error_message);
    } else {
        fprintf(stderr, "gsb-clickhouse: clickhouse-local returned\n");
    }
    return 1;
}
