/* conform_harness SCRIPT [TIMEOUT_MS [SETTLE_MS]]
 *
 * The controller: starts the scenario's process group, records exits, sends the scenario's kills,
 * and ends the run when every thread is done, or when the threads left have all slept in the
 * kernel for SETTLE_MS with nothing observed meanwhile: those are reported blocked. Then it kills
 * the whole group. Exit status: 0 a run recorded, 2 a bad script, 3 userfaultfd unavailable here,
 * 4 the run failed (set-up error, crash, timeout). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

struct script S;
struct shared *SH;
uintptr_t AREA = 0x100000000000UL;
long PAGE;

void run_group(void);

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* A task's state letter from /proc, 0 when it is gone; wchan gets where it sleeps, if asked. */
char task_state(int pid, int tid, char *wchan, size_t wlen) {
    char path[96], buf[512];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, tid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    char st = p && p[1] ? p[2] : 0;
    if (wchan) {
        snprintf(path, sizeof path, "/proc/%d/task/%d/wchan", pid, tid);
        wchan[0] = 0;
        fd = open(path, O_RDONLY);
        if (fd >= 0) {
            n = read(fd, wchan, wlen - 1);
            wchan[n > 0 ? n : 0] = 0;
            close(fd);
        }
    }
    return st == 'Z' || st == 'X' ? 0 : st;
}

static int process_gone(int pid) { return task_state(pid, pid, NULL, 0) == 0; }

/* Threads of a process that is gone are gone too; returns how many were still running. */
static int mark_gone(int pid) {
    int n = 0;
    for (int t = 0; t < S.nthreads; t++)
        if (SH->tpid[t] == pid && SH->tstate[t] != T_DONE && SH->tstate[t] != T_GONE) {
            SH->tstate[t] = T_GONE;
            emit("{\"harness\": \"gone\", \"thread\": \"%s\", \"op\": %d}", S.threads[t].name, SH->top[t]);
            n++;
        }
    return n;
}

static int probe(void) {
    int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC);
    if (fd < 0) {
        const char *why = errno == ENOSYS ? "the kernel has no userfaultfd (ENOSYS)"
                : errno == EPERM ? "no permission for userfaultfd (EPERM: needs root or vm.unprivileged_userfaultfd=1)"
                : strerror(errno);
        emit("{\"harness\": \"unavailable\", \"reason\": \"%s\"}", why);
        return -1;
    }
    int all = 0;
    for (int i = 0; i < S.nuffds; i++) all |= S.uffds[i].features;
    struct uffdio_api api = {.api = UFFD_API, .features = (unsigned long long)all};
    if (ioctl(fd, UFFDIO_API, &api)) {
        emit("{\"harness\": \"unavailable\", \"reason\": \"the kernel's userfaultfd lacks the features asked (%#x)\"}", all);
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

static void report_left(void) {
    for (int t = 0; t < S.nthreads; t++) {
        int st = SH->tstate[t];
        if (st == T_DONE || st == T_GONE) continue;
        char wchan[64] = "";
        int started = SH->ttid[t] != 0;
        if (started) task_state(SH->tpid[t], SH->ttid[t], wchan, sizeof wchan);
        int k = SH->top[t] < S.threads[t].nops ? SH->top[t] : 0;
        emit("{\"harness\": \"blocked\", \"thread\": \"%s\", \"op\": %d, \"call\": \"%s\", \"started\": %s, \"wchan\": \"%s\"}",
             S.threads[t].name, SH->top[t], op_name(S.threads[t].ops[k].kind), started ? "true" : "false", wchan);
    }
}

/* One poll: exits seen, and whether every thread left sleeps in the kernel. */
static int all_asleep(void) {
    int asleep = 1;
    for (int t = 0; t < S.nthreads; t++) {
        if (SH->tstate[t] != T_EXITING) continue;
        asleep = 0;
        if (!process_gone(SH->tpid[t])) continue;
        SH->tstate[t] = T_DONE;
        record(t, "exit", "");
        mark_gone(SH->tpid[t]);
    }
    for (int t = 0; t < S.nthreads; t++) {
        int st = SH->tstate[t];
        if (st == T_RUNNING || (st == T_WAITING && SH->ttid[t])) {
            char c = task_state(SH->tpid[t], SH->ttid[t], NULL, 0);
            if (c == 0 && __atomic_load_n(&SH->tstate[t], __ATOMIC_SEQ_CST) == T_DONE) {
                asleep = 0;
            } else if (c == 0) {
                harness_error("the process of thread %s ended while it ran %s", S.threads[t].name,
                              op_name(S.threads[t].ops[SH->top[t]].kind));
                mark_gone(SH->tpid[t]);
                SH->failed = 1;
            } else if (c != 'S' && c != 'D') {
                asleep = 0;
            } else if (st == T_RUNNING && S.threads[t].ops[SH->top[t]].kind == OP_ASLEEP) {
                /* It sleeps between its looks at another thread: it is waiting, not blocked. */
                asleep = 0;
            }
        }
    }
    return asleep;
}

static int kill_one(void) {
    for (int t = 0; t < S.nthreads; t++) {
        if (!S.threads[t].kill || SH->tstate[t] != T_RUNNING) continue;
        S.threads[t].kill = 0;
        int pid = SH->tpid[t];
        emit("{\"harness\": \"killed\", \"thread\": \"%s\", \"op\": %d}", S.threads[t].name, SH->top[t]);
        SH->tstate[t] = T_GONE;
        kill(pid, SIGKILL);
        for (int i = 0; i < 2000 && !process_gone(pid); i++) usleep(500);
        mark_gone(pid);
        return 1;
    }
    return 0;
}

static int finished(void) {
    for (int t = 0; t < S.nthreads; t++)
        if (SH->tstate[t] != T_DONE && SH->tstate[t] != T_GONE) return 0;
    return 1;
}

int main(int argc, char **argv) {
    char err[256];
    if (argc < 2) { fprintf(stderr, "usage: conform_harness SCRIPT [TIMEOUT_MS [SETTLE_MS]]\n"); return 2; }
    long timeout = argc > 2 ? atol(argv[2]) : 5000, settle = argc > 3 ? atol(argv[3]) : 150;
    if (parse_script(argv[1], &S, err, sizeof err)) { fprintf(stderr, "conform_harness: %s: %s\n", argv[1], err); return 2; }
    signal(SIGPIPE, SIG_IGN);
    if (dup2(1, OUT_FD) < 0) return 4;
    PAGE = sysconf(_SC_PAGESIZE);
    if (probe()) return 3;
    SH = mmap(NULL, sizeof *SH, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (SH == MAP_FAILED) { harness_error("mmap of the shared page: %s", strerror(errno)); return 4; }
    long t0 = now_ms();
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t group = fork();
    if (group < 0) { harness_error("fork: %s", strerror(errno)); return 4; }
    if (group == 0) {
        setpgid(0, 0);
        run_group();
    }
    setpgid(group, group);
    int status = 0, quiet_since = -1;
    int64_t last_seq = -1;
    for (;;) {
        usleep(2000);
        long t = now_ms() - t0;
        if (SH->failed) { status = 4; break; }
        if (t > timeout) {
            harness_error("timeout: the run took longer than %ld ms", timeout);
            status = 4;
            break;
        }
        if (!__atomic_load_n(&SH->start, __ATOMIC_SEQ_CST)) continue;
        int asleep = all_asleep();
        if (finished()) break;
        int64_t seq = __atomic_load_n(&SH->seq, __ATOMIC_SEQ_CST);
        if (!asleep || seq != last_seq) { quiet_since = (int)t; last_seq = seq; continue; }
        if (t - quiet_since < settle) continue;
        if (kill_one()) { quiet_since = (int)t; continue; }
        break;
    }
    report_left();
    emit("{\"harness\": \"end\", \"scenario\": \"%s\", \"observations\": %lld, \"ms\": %ld}", S.scenario,
         (long long)SH->seq, now_ms() - t0);
    kill(-group, SIGKILL);
    /* As the subreaper the controller inherits the group's orphans: reaping them all leaves no
     * zombie behind, whatever this machine's init does. */
    while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
    }
    return status;
}
