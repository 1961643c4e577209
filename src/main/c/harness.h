/* The conformance harness: runs one op script (docs/conformance.md) on the live kernel and prints
 * what its threads observe as JSON lines. Shared declarations of its three files. */
#ifndef UFFDCHECK_HARNESS_H
#define UFFDCHECK_HARNESS_H

#include <stdint.h>
#include <sys/types.h>

#define MAX_PROCS 16
#define MAX_UFFDS 16
#define MAX_VMAS 32
#define MAX_PAGES_SET 96
#define MAX_THREADS 24
#define MAX_OPS 32
#define MAX_KILLS 8
#define NAME_LEN 48
/* Harness descriptors sit above every limit the scenario sets on the monitor's fd table (at most
 * UFFD_FD_BASE, where the monitor parks the uffds it receives before it places them), so that the
 * table's free slots are exactly the model's. */
#define OUT_FD 60
#define SOCK_FD 61
#define UFFD_FD_BASE 40
/* The monitor's fdinfo of set-up uffd u, opened before the table is limited (poll_fault). */
#define FDINFO_FD_BASE 64
#define MONITOR (-1)

enum op_kind {
    OP_FORK, OP_MUNMAP, OP_TOUCH, OP_MREMAP, OP_MADVISE, OP_MMAP_FIXED, OP_CLOSE, OP_EXIT,
    OP_READ, OP_READ_NONBLOCK, OP_POLL, OP_COPY, OP_ZEROPAGE, OP_WAKE, OP_CLOSE_UFFD, OP_ASLEEP,
    OP_POLL_FAULT, OP_POLL_EVENTS
};

struct op {
    enum op_kind kind;
    int a[5];
    char target[NAME_LEN];      /* asleep: the thread's name, a[0] its index once the script is read */
};

struct thread_spec {
    char name[NAME_LEN];
    int proc;                   /* model process number, or MONITOR */
    int nops;
    struct op ops[MAX_OPS];
    int kill;                   /* the scenario may SIGKILL it where it blocks */
};

struct uffd_spec { int u, proc, features; };
struct vma_spec { int proc, start, end, u; };
struct page_spec { int proc, page, u; };
struct keep_spec { int proc, u; };

struct script {
    char scenario[NAME_LEN];
    int pages;
    int fds;                    /* the monitor's fd table size, or -1: unlimited */
    int area_top;               /* the area where the kernel puts a mapping it places itself */
    int nprocs, procs[MAX_PROCS];
    int nuffds; struct uffd_spec uffds[MAX_UFFDS];
    int nvmas; struct vma_spec vmas[MAX_VMAS];
    int npages; struct page_spec pageset[MAX_PAGES_SET];
    int nkeeps; struct keep_spec keeps[MAX_UFFDS];
    int nthreads; struct thread_spec threads[MAX_THREADS];
};

/* Thread states in the shared page. */
enum { T_WAITING, T_RUNNING, T_DONE, T_EXITING, T_GONE };

/* One page shared by every process of the run (MAP_SHARED before the first fork). */
struct shared {
    int64_t seq;                /* the observation counter, taken right after a call returns */
    int start;                  /* futex: set-up done, the threads may run */
    int ready;                  /* processes whose set-up is done */
    int failed;                 /* a set-up failed; its process printed why */
    int proc_pid[MAX_PROCS];
    int tstate[MAX_THREADS];
    int top[MAX_THREADS];       /* the op the thread is in or at */
    int ttid[MAX_THREADS];
    int tpid[MAX_THREADS];
};

extern struct script S;
extern struct shared *SH;
extern uintptr_t AREA;
extern long PAGE;

int parse_script(const char *path, struct script *s, char *err, size_t errlen);
const char *op_name(enum op_kind k);

/* harness.c */
char task_state(int pid, int tid, char *wchan, size_t wlen);

/* ops.c */
void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void harness_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void install_fault_handlers(void);
void start_threads_of(int proc);
void monitor_set_fd(int u, int fd);
void monitor_open_fdinfo(int u);
void record(int t, const char *name, const char *args);
extern int proc_fd[MAX_UFFDS];

#endif
