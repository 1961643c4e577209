/* The scenario's threads: each runs its ops in order and records what each call returned. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harness.h"

/* In the monitor: the fd behind each monitor number (set-up uffds, then FORK's new ones), -1 once
 * closed. A number once given stays taken after its close, as the model's monitor slots do. */
static int mon_fd[MAX_UFFDS * 4];
static char mon_used[MAX_UFFDS * 4];
static pthread_mutex_t mon_lock = PTHREAD_MUTEX_INITIALIZER;
/* In a process: its own fds of the uffds it keeps (keep lines), inherited by its children. */
int proc_fd[MAX_UFFDS];
static char *copy_src;

static __thread sigjmp_buf touch_jmp;
static __thread volatile sig_atomic_t in_touch;

void emit(const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n > (int)sizeof buf - 2) n = sizeof buf - 2;
    buf[n++] = '\n';
    /* One write per line: lines from several processes into one pipe never interleave. */
    ssize_t w = write(OUT_FD, buf, n);
    (void)w;
}

void harness_error(const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 32) *p = '\'';
    emit("{\"obs\": \"harness_error\", \"pid\": %d, \"message\": \"%s\"}", getpid(), msg);
}

static void on_fault(int sig) {
    if (in_touch) siglongjmp(touch_jmp, sig);
    harness_error("signal %d outside a page touch", sig);
    syscall(SYS_exit_group, 4);
}

void install_fault_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void monitor_set_fd(int u, int fd) {
    if (!copy_src) {
        for (int i = 0; i < MAX_UFFDS * 4; i++) mon_fd[i] = -1;
        copy_src = mmap(NULL, (size_t)S.pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (copy_src != MAP_FAILED) memset(copy_src, 0x5a, (size_t)S.pages * PAGE);
    }
    mon_fd[u] = fd;
    mon_used[u] = fd >= 0;
}

void monitor_open_fdinfo(int u) {
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fdinfo/%d", u);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && fd != FDINFO_FD_BASE + u) {
        dup2(fd, FDINFO_FD_BASE + u);
        close(fd);
    }
}

/* The "pending" line of uffd u's fdinfo: the faults queued and not yet read, -1 if unreadable.
 * A seq_file read at offset 0 shows the current count. */
static long faults_pending(int u) {
    char buf[256];
    ssize_t n = u >= 0 && u < MAX_UFFDS ? pread(FDINFO_FD_BASE + u, buf, sizeof buf - 1, 0) : -1;
    if (n <= 0) return -1;
    buf[n] = 0;
    char *p = strstr(buf, "pending:");
    return p ? strtol(p + 8, NULL, 10) : -1;
}

/* The scenario's threads asleep in the kernel's wait for their event to be read: each has queued
 * an event, which no read has taken yet while nobody reads. poll(2) and fdinfo cannot count
 * events; /proc's wchan names the wait. Opening it takes a descriptor for a moment. */
static int event_waiters(void) {
    int n = 0;
    for (int t = 0; t < S.nthreads; t++) {
        char path[96], w[64];
        if (S.threads[t].proc == MONITOR || __atomic_load_n(&SH->tstate[t], __ATOMIC_SEQ_CST) != T_RUNNING) continue;
        snprintf(path, sizeof path, "/proc/%d/task/%d/wchan", SH->tpid[t], SH->ttid[t]);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t r = read(fd, w, sizeof w - 1);
        close(fd);
        w[r > 0 ? r : 0] = 0;
        if (!strcmp(w, "userfaultfd_event_wait_completion")) n++;
    }
    return n;
}

static void poll_fd(int fd) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (fd < 0) {
        harness_error("poll of a uffd the thread has no fd of");
        return;
    }
    while (poll(&p, 1, -1) < 0 && errno == EINTR) {
    }
}

static int64_t next_seq(void) { return __atomic_add_fetch(&SH->seq, 1, __ATOMIC_SEQ_CST); }

static int err_of(long ret) { return ret < 0 ? -errno : 0; }

static long page_of(unsigned long long addr) { return ((long long)addr - (long long)AREA) / PAGE; }

static void record_at(int64_t seq, int t, const char *name, const char *args) {
    emit("{\"seq\": %lld, \"thread\": \"%s\", \"obs\": \"%s\", \"args\": [%s]}",
         (long long)seq, S.threads[t].name, name, args);
}

void record(int t, const char *name, const char *args) { record_at(next_seq(), t, name, args); }

static int mon_fd_of(int u) {
    return u >= 0 && u < MAX_UFFDS * 4 ? mon_fd[u] : -1;
}

/* Every uffd is O_NONBLOCK (poll(2) of a blocking uffd fails at once, and a FORK's uffd has its
 * parent's flags), so a blocking read is a read retried after each poll until it is not EAGAIN. */
static ssize_t read_msg(int fd, struct uffd_msg *m, int nonblock) {
    for (;;) {
        ssize_t r = read(fd, m, sizeof *m);
        if (r >= 0 || errno != EAGAIN || nonblock) return r;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, -1) < 0 && errno != EINTR) return -1;
    }
}

static void do_read(int t, int u, int nonblock) {
    struct uffd_msg m;
    char a[160];
    ssize_t r = read_msg(mon_fd_of(u), &m, nonblock);
    if (r < 0) {
        snprintf(a, sizeof a, "%d, %d", u, -errno);
        record(t, "read_failed", a);
        return;
    }
    switch (m.event) {
    case UFFD_EVENT_PAGEFAULT:
        snprintf(a, sizeof a, "%d, \"UFFD_EVENT_PAGEFAULT\", %ld, 0, 0", u, page_of(m.arg.pagefault.address));
        break;
    case UFFD_EVENT_FORK: {
        /* The number and the seq in one critical section: numbers go in the order the log shows,
         * as the model gives a slot and observes it in one step. */
        pthread_mutex_lock(&mon_lock);
        int n = 0;
        while (n < MAX_UFFDS * 4 - 1 && mon_used[n]) n++;
        mon_fd[n] = (int)m.arg.fork.ufd;
        mon_used[n] = 1;
        int64_t seq = next_seq();
        pthread_mutex_unlock(&mon_lock);
        snprintf(a, sizeof a, "%d, \"UFFD_EVENT_FORK\", %d, 0, 0", u, n);
        record_at(seq, t, "read", a);
        return;
    }
    case UFFD_EVENT_REMAP:
        snprintf(a, sizeof a, "%d, \"UFFD_EVENT_REMAP\", %ld, %ld, %ld", u, page_of(m.arg.remap.from),
                 page_of(m.arg.remap.to), (long)(m.arg.remap.len / PAGE));
        break;
    case UFFD_EVENT_REMOVE:
    case UFFD_EVENT_UNMAP:
        snprintf(a, sizeof a, "%d, \"%s\", %ld, %ld, 0", u,
                 m.event == UFFD_EVENT_REMOVE ? "UFFD_EVENT_REMOVE" : "UFFD_EVENT_UNMAP",
                 page_of(m.arg.remove.start), page_of(m.arg.remove.end));
        break;
    default:
        snprintf(a, sizeof a, "%d, \"UFFD_EVENT_%d\", 0, 0, 0", u, m.event);
    }
    record(t, "read", a);
}

static void do_copy(int t, const struct op *o) {
    char a[128];
    int u = o->a[0], dst = o->a[1], len = o->a[2];
    long ret, done;
    int err;
    if (o->kind == OP_COPY) {
        struct uffdio_copy c = {.dst = AREA + (uintptr_t)dst * PAGE, .src = (uintptr_t)copy_src,
                                .len = (unsigned long long)len * PAGE, .mode = 0, .copy = 0};
        ret = ioctl(mon_fd_of(u), UFFDIO_COPY, &c);
        err = err_of(ret);
        done = c.copy > 0 ? (long)(c.copy / PAGE) : 0;
    } else {
        struct uffdio_zeropage z = {.range = {AREA + (uintptr_t)dst * PAGE, (unsigned long long)len * PAGE},
                                    .mode = 0, .zeropage = 0};
        ret = ioctl(mon_fd_of(u), UFFDIO_ZEROPAGE, &z);
        err = err_of(ret);
        done = z.zeropage > 0 ? (long)(z.zeropage / PAGE) : 0;
    }
    snprintf(a, sizeof a, "%d, %d, %d, %d, %ld", u, dst, len, err, done);
    record(t, o->kind == OP_COPY ? "copy" : "zeropage", a);
}

/* The kernel functions a task sleeping in the wait for its event to be read shows as its wait
 * channel: the wait itself, or the event's complete function when the wait is inlined there. */
static const char *const EVENT_WAIT[] = {
    "userfaultfd_event_wait_completion", "dup_userfaultfd_complete", "mremap_userfaultfd_complete",
    "userfaultfd_unmap_complete", "userfaultfd_remove",
};

/* The system calls whose event a thread may wait for: fork (clone), munmap, mremap, madvise. */
static int event_syscall(long nr) {
    return nr == SYS_clone || nr == SYS_munmap || nr == SYS_mremap || nr == SYS_madvise
#ifdef SYS_clone3
           || nr == SYS_clone3
#endif
#ifdef SYS_fork
           || nr == SYS_fork || nr == SYS_vfork
#endif
        ;
}

/* Whether the thread sleeps in the event wait: 1 yes, 0 no, -1 cannot tell. TASK_KILLABLE shows
 * as D, but from set_current_state() on, before the wait has looked at ctx->released; a wait channel
 * is named only for a task off the run queue, so a named one means it really sleeps. "0" is what a
 * running task shows, and also what a kernel that hides wait channels shows for every task: then
 * state D inside an event's system call is all there is to go on (-1). */
static int in_event_wait(int pid, int tid, char *wchan, size_t wlen) {
    char st = task_state(pid, tid, wchan, wlen);
    if (st != 'D') return 0;
    for (size_t i = 0; i < sizeof EVENT_WAIT / sizeof EVENT_WAIT[0]; i++)
        if (!strcmp(wchan, EVENT_WAIT[i])) return 1;
    if (wchan[0] && strcmp(wchan, "0")) return 0;
    char path[96];
    snprintf(path, sizeof path, "/proc/%d/task/%d/syscall", pid, tid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    long nr = -1;
    int n = fscanf(f, "%ld", &nr);
    fclose(f);
    snprintf(wchan, wlen, "state D in system call %ld, no wait channel", nr);
    return n == 1 && event_syscall(nr) ? -1 : 0;
}

/* asleep W: waits, polling every millisecond for up to ASLEEP_MS, until process thread w sleeps in
 * its event wait, and records that it saw it. A thread that returns first, or does not sleep in
 * time, fails the run: the op's precondition was never met, which no recording may pass off. */
#define ASLEEP_MS 2000
#define STR_(x) #x
#define STR(x) STR_(x)
/* Without a wait channel, how long state D inside the system call must last: no task runs that
 * long between setting its state and sleeping. */
#define ASLEEP_UNNAMED_MS 100
static void await_asleep(int t, int w) {
    char a[96], wchan[96] = "";
    const char *why = "did not sleep in its event wait within " STR(ASLEEP_MS) " ms";
    int unnamed = 0;
    for (int i = 0; i < ASLEEP_MS; i++) {
        int st = __atomic_load_n(&SH->tstate[w], __ATOMIC_SEQ_CST);
        if (st == T_DONE || st == T_GONE || st == T_EXITING) {
            why = "returned without sleeping in its event wait";
            break;
        }
        int in = st == T_RUNNING && SH->ttid[w] ? in_event_wait(SH->tpid[w], SH->ttid[w], wchan, sizeof wchan) : 0;
        unnamed = in < 0 ? unnamed + 1 : 0;
        if (in > 0 || unnamed >= ASLEEP_UNNAMED_MS) {
            snprintf(a, sizeof a, "\"%s\"", S.threads[w].name);
            record(t, "asleep", a);
            emit("{\"harness\": \"asleep\", \"thread\": \"%s\", \"wchan\": \"%s\"}", S.threads[w].name, wchan);
            return;
        }
        usleep(1000);
    }
    harness_error("asleep: thread %s %s (last seen: %s)", S.threads[w].name, why, wchan[0] ? wchan : "no wait channel");
    __atomic_store_n(&SH->failed, 1, __ATOMIC_SEQ_CST);
    for (;;) pause();
}

static void monitor_op(int t, const struct op *o) {
    char a[128];
    int err;
    switch (o->kind) {
    case OP_READ: do_read(t, o->a[0], 0); return;
    case OP_READ_NONBLOCK: do_read(t, o->a[0], 1); return;
    case OP_POLL:
        /* Observes nothing: it only waits until a message is queued, which a later op reads. */
        poll_fd(mon_fd_of(o->a[0]));
        return;
    case OP_POLL_FAULT: {
        /* poll(2) cannot tell a fault from an event; the fdinfo count can. Observes nothing. */
        long pending;
        while ((pending = faults_pending(o->a[0])) == 0)
            usleep(200);
        if (pending < 0) harness_error("poll_fault %d: no fdinfo for that uffd", o->a[0]);
        return;
    }
    case OP_POLL_EVENTS:
        while (event_waiters() < o->a[1])
            usleep(200);
        return;
    case OP_COPY: case OP_ZEROPAGE: do_copy(t, o); return;
    case OP_ASLEEP: await_asleep(t, o->a[0]); return;
    case OP_WAKE: {
        struct uffdio_range r = {AREA + (uintptr_t)o->a[1] * PAGE, (unsigned long long)o->a[2] * PAGE};
        err = err_of(ioctl(mon_fd_of(o->a[0]), UFFDIO_WAKE, &r));
        snprintf(a, sizeof a, "%d, %d, %d, %d", o->a[0], o->a[1], o->a[2], err);
        record(t, "wake", a);
        return;
    }
    case OP_CLOSE_UFFD: {
        err = err_of(close(mon_fd_of(o->a[0])));
        pthread_mutex_lock(&mon_lock);
        if (o->a[0] >= 0 && o->a[0] < MAX_UFFDS * 4) mon_fd[o->a[0]] = -1;
        int64_t seq = next_seq();
        pthread_mutex_unlock(&mon_lock);
        snprintf(a, sizeof a, "%d, %d", o->a[0], err);
        record_at(seq, t, "uffd_close", a);
        return;
    }
    default:
        return;
    }
}

static void child_main(int child) {
    /* No PR_SET_PDEATHSIG here: it fires when the forking thread ends, not its process; the
     * controller's kill of the whole group ends the child. */
    SH->proc_pid[child] = getpid();
    start_threads_of(child);
    for (;;) pause();
}

static int touch(int page) {
    int sig = sigsetjmp(touch_jmp, 1);
    if (sig == 0) {
        in_touch = 1;
        (void)*(volatile char *)(AREA + (uintptr_t)page * PAGE);
    }
    in_touch = 0;
    return sig;
}

static void process_op(int t, const struct op *o) {
    char a[64];
    const int *v = o->a;
    int err;
    switch (o->kind) {
    case OP_FORK: {
        /* glibc's fork() holds its atfork and malloc locks across the call, so a second thread's
         * fork() would wait in user space until the first returned, which the kernel does not ask.
         * A child without threads of its own, which needs nothing from glibc, is forked by the raw
         * system call; one with threads by fork(), which sets up glibc's state in the child. */
        int threads = 0;
        for (int i = 0; i < S.nthreads; i++) threads |= S.threads[i].proc == v[0];
        pid_t c = threads ? fork() : (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
        if (c == 0) child_main(v[0]);
        snprintf(a, sizeof a, "%d", c < 0 ? -errno : 0);
        record(t, "fork", a);
        return;
    }
    case OP_TOUCH: {
        int sig = touch(v[0]);
        snprintf(a, sizeof a, "%d, \"%s\"", v[0],
                 sig == 0 ? "FAULT_OK" : sig == SIGBUS ? "FAULT_SIGBUS" : "FAULT_SIGSEGV");
        record(t, "touch", a);
        return;
    }
    case OP_EXIT:
        /* The controller records exit() once the process is gone, its mm released. */
        SH->tstate[t] = T_EXITING;
        syscall(SYS_exit_group, 0);
        return;
    case OP_POLL:
        poll_fd(v[0] >= 0 && v[0] < MAX_UFFDS ? proc_fd[v[0]] : -1);
        return;
    case OP_CLOSE:
        err = err_of(close(v[0] >= 0 && v[0] < MAX_UFFDS ? proc_fd[v[0]] : -1));
        snprintf(a, sizeof a, "%d, %d", v[0], err);
        record(t, "close", a);
        return;
    case OP_MUNMAP:
        err = err_of(munmap((void *)(AREA + (uintptr_t)v[0] * PAGE), (size_t)(v[1] - v[0]) * PAGE));
        break;
    case OP_MREMAP: {
        void *r = mremap((void *)(AREA + (uintptr_t)v[0] * PAGE), (size_t)v[1] * PAGE, (size_t)v[2] * PAGE, v[3],
                         (void *)(AREA + (uintptr_t)v[4] * PAGE));
        err = r == MAP_FAILED ? -errno : 0;
        break;
    }
    case OP_MADVISE:
        err = err_of(madvise((void *)(AREA + (uintptr_t)v[0] * PAGE), (size_t)v[1] * PAGE, v[2]));
        break;
    case OP_MMAP_FIXED: {
        void *r = mmap((void *)(AREA + (uintptr_t)v[0] * PAGE), (size_t)v[1] * PAGE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        err = r == MAP_FAILED ? -errno : 0;
        break;
    }
    default:
        return;
    }
    snprintf(a, sizeof a, "%d", err);
    record(t, o->kind == OP_MMAP_FIXED ? "mmap" : op_name(o->kind), a);
}

static void *thread_main(void *arg) {
    int t = (int)(intptr_t)arg;
    struct thread_spec *ts = &S.threads[t];
    SH->tpid[t] = getpid();
    SH->ttid[t] = (int)syscall(SYS_gettid);
    while (!__atomic_load_n(&SH->start, __ATOMIC_ACQUIRE))
        syscall(SYS_futex, &SH->start, FUTEX_WAIT, 0, NULL, NULL, 0);
    for (int k = 0; k < ts->nops; k++) {
        __atomic_store_n(&SH->top[t], k, __ATOMIC_SEQ_CST);
        __atomic_store_n(&SH->tstate[t], T_RUNNING, __ATOMIC_SEQ_CST);
        if (ts->proc == MONITOR) monitor_op(t, &ts->ops[k]);
        else process_op(t, &ts->ops[k]);
    }
    __atomic_store_n(&SH->top[t], ts->nops, __ATOMIC_SEQ_CST);
    __atomic_store_n(&SH->tstate[t], T_DONE, __ATOMIC_SEQ_CST);
    return NULL;
}

void start_threads_of(int proc) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    for (int t = 0; t < S.nthreads; t++) {
        pthread_t id;
        if (S.threads[t].proc != proc) continue;
        if (pthread_create(&id, &attr, thread_main, (void *)(intptr_t)t)) {
            harness_error("thread %s: pthread_create failed", S.threads[t].name);
            __atomic_store_n(&SH->failed, 1, __ATOMIC_SEQ_CST);
        }
    }
    pthread_attr_destroy(&attr);
}
