/*
 * The kernel event order behind CRIU finding C3 (docs/findings.md): MADV_DONTNEED on a range
 * registered with a uffd that asks for REMOVE drops mmap_lock while its REMOVE waits to be read,
 * so another thread's munmap of the range can complete first. A monitor that, like CRIU's
 * handle_remove(), answers the REMOVE with UFFDIO_UNREGISTER of the range then gets EINVAL.
 *
 * Each round maps one page, registers it, and starts two threads at once: one madvises the page
 * (MADV_DONTNEED), the other unmaps it. The monitor reads the REMOVE, unregisters the range as
 * CRIU does and counts the rounds where that fails with EINVAL, then reads the UNMAP.
 *
 *   cc -O2 -pthread -o criu_remove_unmap_race docs/criu_remove_unmap_race.c
 *   ./criu_remove_unmap_race [rounds]          (root, or vm.unprivileged_userfaultfd = 1)
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
#include <unistd.h>

static long page;
static char *area;
static pthread_barrier_t start;
static int finished;		/* threads of this round done (their events were read) */

static void *discard(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start);
	madvise(area, page, MADV_DONTNEED);	/* ENOMEM when the range went first */
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *unmap(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start);
	munmap(area, page);
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 10000;
	long einval = 0, removes = 0, i;
	struct uffdio_api api = { .api = UFFD_API,
		.features = UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP };
	int uffd;

	page = sysconf(_SC_PAGESIZE);
	uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api)) {
		perror("userfaultfd");
		return 1;
	}
	for (i = 0; i < rounds; i++) {
		struct uffdio_register reg = { .mode = UFFDIO_REGISTER_MODE_MISSING };
		struct uffdio_range range;
		struct uffd_msg msg;
		pthread_t a, b;

		area = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		reg.range.start = (unsigned long)area;
		reg.range.len = page;
		if (area == MAP_FAILED || ioctl(uffd, UFFDIO_REGISTER, &reg)) {
			perror("register");
			return 1;
		}
		finished = 0;
		pthread_barrier_init(&start, NULL, 2);
		pthread_create(&a, NULL, discard, NULL);
		pthread_create(&b, NULL, unmap, NULL);
		/* The monitor, as CRIU's: read whatever comes; answer REMOVE with UNREGISTER. Each
		 * thread ends only after its event was read, so both done means nothing is left. */
		for (;;) {
			if (read(uffd, &msg, sizeof(msg)) == sizeof(msg)) {
				if (msg.event != UFFD_EVENT_REMOVE)
					continue;
				removes++;
				range.start = msg.arg.remove.start;
				range.len = msg.arg.remove.end - msg.arg.remove.start;
				if (ioctl(uffd, UFFDIO_UNREGISTER, &range) && errno == EINVAL)
					einval++;
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
	}
	printf("%ld rounds, %ld REMOVE read, %ld UNREGISTER failed with EINVAL (%.2f%% of rounds)\n",
	       rounds, removes, einval, 100.0 * einval / rounds);
	return 0;
}
