/*
 * Is the gateway's "slower after a 50 ms wait" a property of Node/V8 or of the machine?
 * The same question in C, with no runtime at all: a random pointer chase over a working set
 * (default 256 KiB), timed after a 50 ms sleep, after 50 ms of spinning on a tiny loop, and back to back
 * (median of 150 each). If the first two are far above the third, the caches were emptied by
 * something other than our process (other tenants' work on the same cores, the hypervisor).
 *
 *   cc -O2 -o /tmp/cold-cache bench/native/cold-cache.c && /tmp/cold-cache [KiB]
 *
 * Used by docs/gateway.md "Performance: the path after an idle wait". Not part of the build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static uint32_t *next;
static uint64_t *payload;
static size_t n;

static uint64_t chase(void) {
  uint64_t sum = 0;
  uint32_t j = 0;
  for (size_t i = 0; i < n; i++) {
    j = next[j];
    sum += payload[j];
  }
  return sum;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define ROUNDS 150

int main(int argc, char **argv) {
  size_t kib = argc > 1 ? (size_t)atoi(argv[1]) : 256;
  n = kib * 1024 / (sizeof(uint32_t) + sizeof(uint64_t));
  next = malloc(n * sizeof *next);
  payload = malloc(n * sizeof *payload);
  /* One random cycle through every slot (Sattolo), so the chase touches the whole set in an order the
     prefetcher cannot guess. */
  for (size_t i = 0; i < n; i++) next[i] = (uint32_t)i, payload[i] = i;
  srand(1);
  for (size_t i = n - 1; i > 0; i--) {
    size_t k = (size_t)rand() % i;
    uint32_t t = next[i];
    next[i] = next[k];
    next[k] = t;
  }
  double after_sleep[ROUNDS], after_spin[ROUNDS], hot[ROUNDS];
  volatile uint64_t sink = chase();
  for (int r = 0; r < ROUNDS; r++) {
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    double t0 = now_us();
    sink += chase();
    after_sleep[r] = now_us() - t0;
  }
  for (int r = 0; r < ROUNDS; r++) {
    double until = now_us() + 50000;
    while (now_us() < until) {
    }
    double t0 = now_us();
    sink += chase();
    after_spin[r] = now_us() - t0;
  }
  for (int r = 0; r < ROUNDS; r++) {
    double t0 = now_us();
    sink += chase();
    hot[r] = now_us() - t0;
  }
  qsort(after_sleep, ROUNDS, sizeof(double), by_value);
  qsort(after_spin, ROUNDS, sizeof(double), by_value);
  qsort(hot, ROUNDS, sizeof(double), by_value);
  printf("%zu KiB pointer chase, µs (median of %d): after a 50 ms sleep %.1f, after 50 ms of spinning %.1f, back to back %.1f\n",
         kib, ROUNDS, after_sleep[ROUNDS / 2], after_spin[ROUNDS / 2], hot[ROUNDS / 2]);
  return (int)(sink & 0);
}
