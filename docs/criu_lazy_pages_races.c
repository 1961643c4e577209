/*
 * The kernel event orders behind the CRIU findings of docs/findings.md, on a real kernel. Two
 * threads of this process race on a page registered with a uffd; the main thread is the monitor
 * and answers the events as CRIU's lazy-pages daemon (criu/uffd.c) does.
 *
 *   remove: one thread madvises the page (MADV_DONTNEED), the other unmaps it. MADV_DONTNEED drops
 *           mmap_lock while its REMOVE waits to be read, so the munmap can complete first; the
 *           monitor answers REMOVE with UFFDIO_UNREGISTER of the range, as handle_remove() does,
 *           and counts the EINVALs, which CRIU treats as fatal (finding C3).
 *   fork:   one thread forks, the other unmaps the page; both queue their event (FORK, UNMAP)
 *           after dropping mmap_lock. The child tells with msync() whether it has the page; the
 *           monitor counts the rounds where it read the two events in the other order than the
 *           kernel changed the layout (findings C1 and C2). Both threads run on CPU 0, so that the
 *           unlock of one can wake the other before the unlocker queues its event. Another page,
 *           registered and never unmapped, gives the child a uffd (and the monitor a FORK) always.
 *
 *   cc -O2 -pthread -o criu_lazy_pages_races docs/criu_lazy_pages_races.c
 *   ./criu_lazy_pages_races remove|fork [rounds]    (root, or vm.unprivileged_userfaultfd = 1)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long page;
static int uffd;
static char *anchor, *area;
static pthread_barrier_t start;
static int finished;		/* threads of this round done; each ends after its event was read */
static int pin;			/* fork mode: both threads on CPU 0 */

/* What one round saw. */
static int child_has_area, fork_read, unmap_read_before_fork;
static long removes, einval;

static void begin(void)
{
	if (pin) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(0, &set);
		pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	}
	pthread_barrier_wait(&start);
}

static void *end(void)
{
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *discard(void *arg)
{
	(void)arg;
	begin();
	madvise(area, page, MADV_DONTNEED);	/* ENOMEM when the munmap went first */
	return end();
}

static void *unmap(void *arg)
{
	(void)arg;
	begin();
	munmap(area, page);
	return end();
}

static void *forker(void *arg)
{
	int status;
	pid_t pid;

	(void)arg;
	begin();
	pid = fork();
	if (pid == 0)
		_exit(msync(area, page, MS_ASYNC) == 0 ? 1 : 0);
	waitpid(pid, &status, 0);
	child_has_area = WIFEXITED(status) && WEXITSTATUS(status) == 1;
	return end();
}

/* The monitor's answer to one message, as criu/uffd.c's handlers. */
static void handle(struct uffd_msg *msg)
{
	struct uffdio_range range;

	switch (msg->event) {
	case UFFD_EVENT_REMOVE:
		removes++;
		range.start = msg->arg.remove.start;
		range.len = msg->arg.remove.end - msg->arg.remove.start;
		if (ioctl(uffd, UFFDIO_UNREGISTER, &range) && errno == EINVAL)
			einval++;
		break;
	case UFFD_EVENT_FORK:
		fork_read = 1;
		close(msg->arg.fork.ufd);
		break;
	case UFFD_EVENT_UNMAP:
		if (msg->arg.remove.start == (unsigned long)area && !fork_read)
			unmap_read_before_fork = 1;
		break;
	}
}

static char *map_registered(void)
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

/* One round: the two threads at once, the monitor reading until both are done. */
static void round_of(void *(*a_fn)(void *), void *(*b_fn)(void *))
{
	struct uffd_msg msg;
	pthread_t a, b;

	finished = 0;
	fork_read = unmap_read_before_fork = child_has_area = 0;
	pthread_barrier_init(&start, NULL, 2);
	pthread_create(&a, NULL, a_fn, NULL);
	pthread_create(&b, NULL, b_fn, NULL);
	for (;;) {
		if (read(uffd, &msg, sizeof(msg)) == sizeof(msg)) {
			handle(&msg);
			continue;
		}
		if (errno != EAGAIN) {
			perror("read");
			exit(1);
		}
		if (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) == 2)
			break;
		sched_yield();
	}
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_barrier_destroy(&start);
}

int main(int argc, char **argv)
{
	int fork_mode = argc > 1 && strcmp(argv[1], "fork") == 0;
	long rounds = argc > 2 ? atol(argv[2]) : 2000;
	long lost = 0, stale = 0, has = 0, i;
	struct uffdio_api api = { .api = UFFD_API, .features = UFFD_FEATURE_EVENT_UNMAP
		| (fork_mode ? UFFD_FEATURE_EVENT_FORK : UFFD_FEATURE_EVENT_REMOVE) };

	if (argc < 2 || (!fork_mode && strcmp(argv[1], "remove") != 0)) {
		fprintf(stderr, "usage: %s remove|fork [rounds]\n", argv[0]);
		return 2;
	}
	page = sysconf(_SC_PAGESIZE);
	pin = fork_mode;
	uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api)) {
		perror("userfaultfd");
		return 1;
	}
	for (i = 0; i < rounds; i++) {
		if (!fork_mode) {
			area = map_registered();
			round_of(discard, unmap);
			continue;
		}
		struct uffdio_range r;

		anchor = map_registered();
		area = map_registered();
		round_of(forker, unmap);
		has += child_has_area;
		lost += child_has_area && unmap_read_before_fork;
		stale += !child_has_area && !unmap_read_before_fork;
		/* The monitor unmapping a registered page would wait for its own UNMAP. */
		r.start = (unsigned long)anchor;
		r.len = page;
		ioctl(uffd, UFFDIO_UNREGISTER, &r);
		munmap(anchor, page);
	}
	if (!fork_mode)
		printf("%ld rounds, %ld REMOVE read, %ld UNREGISTER failed with EINVAL (%.2f%% of "
		       "rounds)\n", rounds, removes, einval, 100.0 * einval / rounds);
	else
		printf("%ld rounds, the child has the page in %ld; it has it but UNMAP was read first "
		       "(C1): %ld (%.2f%%); it lacks it but FORK was read first (C2): %ld (%.2f%%)\n",
		       rounds, has, lost, 100.0 * lost / rounds, stale, 100.0 * stale / rounds);
	return 0;
}
