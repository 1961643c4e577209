/*
 * The kernel event order behind CRIU findings C1 and C2 (docs/findings.md): one thread forks
 * while another unmaps a registered range; each queues its event (FORK, UNMAP) after dropping
 * mmap_lock, so the monitor may read them in the other order than the kernel changed the layout.
 * CRIU's handle_fork() copies the parent's lists as they are when it reads the FORK, so:
 *   - the child still has the range but the UNMAP was read first: the child's lists lack the
 *     range, and the child reads zeros there (C1);
 *   - the child lacks the range but the FORK was read first: the child's lists keep it, and its
 *     COPY fails with ENOENT for ever (C2).
 *
 * Each round maps two pages, each its own VMA registered with the uffd (the first stays, so the
 * child always gets a uffd and a FORK), and starts the two threads at once, both on CPU 0: when
 * one waits for mmap_lock, the other's unlock wakes it and it may run at once, before the unlocker
 * queues its event. The child tells with
 * msync() whether it has the second page and exits; the monitor records the order it read the
 * FORK and the UNMAP in, and counts the rounds where that order disagrees with the child.
 *
 *   cc -O2 -pthread -o criu_fork_unmap_order docs/criu_fork_unmap_order.c
 *   ./criu_fork_unmap_order [rounds]           (root, or vm.unprivileged_userfaultfd = 1)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long page;
static char *anchor, *range;
static pthread_barrier_t start;
static int finished;
static int child_has_range;

static void on_cpu0(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void *forker(void *arg)
{
	int status;
	pid_t pid;

	(void)arg;
	on_cpu0();
	pthread_barrier_wait(&start);
	pid = fork();
	if (pid == 0)
		_exit(msync(range, page, MS_ASYNC) == 0 ? 1 : 0);
	waitpid(pid, &status, 0);
	child_has_range = WIFEXITED(status) && WEXITSTATUS(status) == 1;
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *unmapper(void *arg)
{
	(void)arg;
	on_cpu0();
	pthread_barrier_wait(&start);
	munmap(range, page);
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static char *map_registered(int uffd)
{
	struct uffdio_register reg = { .mode = UFFDIO_REGISTER_MODE_MISSING };
	char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	reg.range.start = (unsigned long)p;
	reg.range.len = page;
	if (p == MAP_FAILED || ioctl(uffd, UFFDIO_REGISTER, &reg)) {
		perror("register");
		exit(1);
	}
	return p;
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 2000;
	long stale = 0, lost = 0, unmap_first = 0, has = 0, i;
	struct uffdio_api api = { .api = UFFD_API,
		.features = UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_UNMAP };
	int uffd;

	page = sysconf(_SC_PAGESIZE);
	uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api)) {
		perror("userfaultfd");
		return 1;
	}
	for (i = 0; i < rounds; i++) {
		int fork_read = 0, unmap_read_before_fork = 0;
		struct uffd_msg msg;
		pthread_t a, b;

		anchor = map_registered(uffd);
		range = map_registered(uffd);
		finished = 0;
		pthread_barrier_init(&start, NULL, 2);
		pthread_create(&a, NULL, forker, NULL);
		pthread_create(&b, NULL, unmapper, NULL);
		for (;;) {
			if (read(uffd, &msg, sizeof(msg)) == sizeof(msg)) {
				if (msg.event == UFFD_EVENT_FORK) {
					fork_read = 1;
					close(msg.arg.fork.ufd);
				} else if (msg.event == UFFD_EVENT_UNMAP
						&& msg.arg.remove.start == (unsigned long)range && !fork_read) {
					unmap_read_before_fork = 1;
				}
				continue;
			}
			if (errno != EAGAIN) {
				perror("read");
				return 1;
			}
			if (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) == 2)
				break;
			sched_yield();
		}
		pthread_join(a, NULL);
		pthread_join(b, NULL);
		pthread_barrier_destroy(&start);
		unmap_first += unmap_read_before_fork;
		has += child_has_range;
		if (child_has_range && unmap_read_before_fork)
			lost++;
		if (!child_has_range && !unmap_read_before_fork)
			stale++;
		/* The monitor unmapping a registered page would wait for its own UNMAP. */
		struct uffdio_range r = { .start = (unsigned long)anchor, .len = page };
		ioctl(uffd, UFFDIO_UNREGISTER, &r);
		munmap(anchor, page);
	}
	printf("%ld rounds, child has the range in %ld, UNMAP read first in %ld; child has the range "
	       "but UNMAP read first (C1): %ld (%.2f%%); child lacks it but FORK read first (C2): "
	       "%ld (%.2f%%)\n", rounds, has, unmap_first, lost, 100.0 * lost / rounds, stale,
	       100.0 * stale / rounds);
	return 0;
}
