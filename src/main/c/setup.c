/* The scenario's processes as the script's set-up lines describe them, and the monitor that
 * receives their uffds. Each process reports a failure on the output and in SH->failed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/userfaultfd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harness.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static void fail(const char *what, int err) {
    harness_error("set-up: %s: %s", what, strerror(err));
    __atomic_store_n(&SH->failed, 1, __ATOMIC_SEQ_CST);
    for (;;) pause();
}

static void settle_in(void) {
    install_fault_handlers();
    __atomic_add_fetch(&SH->ready, 1, __ATOMIC_SEQ_CST);
    for (;;) pause();
}

static void *addr_of(int page) { return (void *)(AREA + (uintptr_t)page * PAGE); }

static int by_start(const void *a, const void *b) {
    return ((const struct vma_spec *)a)->start - ((const struct vma_spec *)b)->start;
}

/* Adjacent anonymous VMAs with equal flags merge; the model's VMAs stay apart, so every second
 * one of a run of touching VMAs gets VM_DONTDUMP, a flag nothing here depends on. */
static void map_vmas(int m) {
    struct vma_spec v[MAX_VMAS];
    int n = 0, prev_end = -1, prev_marked = 0;
    for (int i = 0; i < S.nvmas; i++)
        if (S.vmas[i].proc == m) v[n++] = S.vmas[i];
    qsort(v, n, sizeof v[0], by_start);
    for (int i = 0; i < n; i++) {
        size_t len = (size_t)(v[i].end - v[i].start) * PAGE;
        void *p = mmap(addr_of(v[i].start), len, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (p != addr_of(v[i].start)) fail("mmap of a VMA at the scenario's area", p == MAP_FAILED ? errno : EEXIST);
        int mark = v[i].start == prev_end && !prev_marked;
        if (mark && madvise(p, len, MADV_DONTDUMP)) fail("madvise(MADV_DONTDUMP)", errno);
        prev_end = v[i].end;
        prev_marked = mark;
    }
}

static void send_fd(int sock, int u, int fd) {
    char cbuf[CMSG_SPACE(sizeof(int))];
    struct iovec io = {.iov_base = &u, .iov_len = sizeof u};
    struct msghdr mh = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    if (sendmsg(sock, &mh, 0) < 0) fail("sending a uffd to the monitor", errno);
}

static void process_setup(int m, int sock) {
    int ufd[MAX_UFFDS];
    SH->proc_pid[m] = getpid();
    for (int u = 0; u < MAX_UFFDS; u++) ufd[u] = proc_fd[u] = -1;
    map_vmas(m);
    for (int i = 0; i < S.npages; i++)
        if (S.pageset[i].proc == m) *(volatile char *)addr_of(S.pageset[i].page) = 1;
    for (int i = 0; i < S.nuffds; i++) {
        struct uffd_spec *s = &S.uffds[i];
        if (s->proc != m) continue;
        int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) fail("userfaultfd", errno);
        struct uffdio_api api = {.api = UFFD_API, .features = (unsigned long long)s->features};
        if (ioctl(fd, UFFDIO_API, &api)) fail("UFFDIO_API with the scenario's features", errno);
        ufd[s->u] = fd;
    }
    for (int i = 0; i < S.nvmas; i++) {
        struct vma_spec *v = &S.vmas[i];
        if (v->proc != m || v->u < 0) continue;
        struct uffdio_register r = {.range = {(uintptr_t)addr_of(v->start), (unsigned long long)(v->end - v->start) * PAGE},
                                    .mode = UFFDIO_REGISTER_MODE_MISSING};
        if (ioctl(ufd[v->u], UFFDIO_REGISTER, &r)) fail("UFFDIO_REGISTER", errno);
    }
    for (int i = 0; i < S.nuffds; i++)
        if (S.uffds[i].proc == m) send_fd(sock, S.uffds[i].u, ufd[S.uffds[i].u]);
    for (int i = 0; i < S.nkeeps; i++)
        if (S.keeps[i].proc == m) proc_fd[S.keeps[i].u] = ufd[S.keeps[i].u];
    for (int u = 0; u < MAX_UFFDS; u++)
        if (ufd[u] >= 0 && proc_fd[u] != ufd[u]) close(ufd[u]);
    close(sock);
    start_threads_of(m);
    settle_in();
}

static int recv_fd(int sock, int *u) {
    char cbuf[CMSG_SPACE(sizeof(int))];
    struct iovec io = {.iov_base = u, .iov_len = sizeof *u};
    struct msghdr mh = {.msg_iov = &io, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf};
    int fd = -1;
    if (recvmsg(sock, &mh, 0) < 0) fail("receiving a uffd", errno);
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    if (!c || c->cmsg_type != SCM_RIGHTS) fail("receiving a uffd", EPROTO);
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

/* The monitor's fd table is the model's: set-up uffd u is fd u, the limit is the model's table
 * size, and the harness's own descriptors sit above it (the limit binds only new ones: the fds
 * that FORK messages bring). */
static void monitor_setup(int sock) {
    for (int i = 0; i < S.nuffds; i++) {
        int u;
        int fd = recv_fd(sock, &u);
        if (u < 0 || u >= MAX_UFFDS || dup2(fd, UFFD_FD_BASE + u) < 0) fail("placing a uffd", errno ? errno : EINVAL);
        close(fd);
    }
    close(sock);
    for (int fd = 0; fd < UFFD_FD_BASE; fd++) close(fd);
    if (S.nuffds == 0) monitor_set_fd(0, -1);
    for (int i = 0; i < S.nuffds; i++) {
        int u = S.uffds[i].u;
        if (dup2(UFFD_FD_BASE + u, u) < 0) fail("placing a uffd", errno);
        close(UFFD_FD_BASE + u);
        monitor_set_fd(u, u);
        monitor_open_fdinfo(u);
    }
    if (S.fds >= 0) {
        struct rlimit rl;
        getrlimit(RLIMIT_NOFILE, &rl);
        rl.rlim_cur = (rlim_t)S.fds;
        if (setrlimit(RLIMIT_NOFILE, &rl)) fail("limiting the monitor's fd table", errno);
    }
    start_threads_of(MONITOR);
    settle_in();
}

/* A move the kernel places itself (mremap's MREMAP_MAYMOVE without MREMAP_FIXED) goes to the
 * highest free range below mmap_base; the model's goes to the highest free pages of its area. So
 * the area becomes the top of the free space: the range a new mapping of the area's size would
 * get, with every free page above it filled by a PROT_NONE page, taken one at a time from the
 * top down until one lands in that range. The processes inherit the fillers. */
static void place_area_at_top(void) {
    size_t len = (size_t)S.pages * PAGE;
    char *x = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (x == MAP_FAILED) fail("mmap to find the top of the free space", errno);
    munmap(x, len);
    for (int i = 0; i < 4096; i++) {
        char *q = mmap(NULL, (size_t)PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (q == MAP_FAILED) fail("mmap of a filler page", errno);
        if (q == x + len - PAGE) {
            munmap(q, (size_t)PAGE);
            AREA = (uintptr_t)x;
            return;
        }
    }
    fail("filling the free pages above the area", ENOMEM);
}

/* The group leader: starts the monitor and the processes, and lets the threads go once every one
 * is ready. Orphans are reparented to it and never reaped, so an exit stays visible as a zombie. */
void run_group(void) {
    int sv[2];
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (S.area_top) place_area_at_top();
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)) fail("socketpair", errno);
    if (dup2(sv[0], SOCK_FD) < 0 || dup2(sv[1], SOCK_FD + 1) < 0) fail("dup2", errno);
    close(sv[0]);
    close(sv[1]);
    pid_t mon = fork();
    if (mon < 0) fail("fork of the monitor", errno);
    if (mon == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        close(SOCK_FD);
        monitor_setup(SOCK_FD + 1);
    }
    for (int i = 0; i < S.nprocs; i++) {
        pid_t p = fork();
        if (p < 0) fail("fork of a process", errno);
        if (p == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            close(SOCK_FD + 1);
            process_setup(S.procs[i], SOCK_FD);
        }
    }
    close(SOCK_FD);
    close(SOCK_FD + 1);
    while (__atomic_load_n(&SH->ready, __ATOMIC_SEQ_CST) < S.nprocs + 1)
        usleep(500);
    __atomic_store_n(&SH->start, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, &SH->start, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
    for (;;) pause();
}
