// Google Benchmark of the value library: add, mul, shift and compare at widths 8, 32, 64,
// 128 and 1024, for 2-state Bits<W> and 4-state Logic<W>. Run: build/rt_bench
#include "metalfpga/rt/logic.h"

#include <benchmark/benchmark.h>

#include <random>

namespace rt = metalfpga::rt;

namespace {

template <class V>
V random_vec(std::mt19937_64& rng) {
    V v;
    for (rt::u32 i = 0; i < V::NW; ++i) v.a[i] = rng();
    rt::k::canon(v.ref());
    return v;
}

template <class V>
void BM_add(benchmark::State& state) {
    std::mt19937_64 rng(1);
    V a = random_vec<V>(rng), b = random_vec<V>(rng);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        V r = a + b;
        benchmark::DoNotOptimize(r);
    }
}

template <class V>
void BM_mul(benchmark::State& state) {
    std::mt19937_64 rng(2);
    V a = random_vec<V>(rng), b = random_vec<V>(rng);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        V r = a * b;
        benchmark::DoNotOptimize(r);
    }
}

template <class V>
void BM_shift(benchmark::State& state) {
    std::mt19937_64 rng(3);
    V a = random_vec<V>(rng);
    rt::Bits<32> n(static_cast<rt::u64>(V::width / 3 + 1));
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(n);
        V r = a << n;
        benchmark::DoNotOptimize(r);
    }
}

template <class V>
void BM_compare(benchmark::State& state) {
    std::mt19937_64 rng(4);
    V a = random_vec<V>(rng), b = a;
    b.a[0] ^= 1; // differ only in the lowest word: a full-length compare
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        auto r = a < b;
        benchmark::DoNotOptimize(r);
    }
}

#define MF_BENCH_WIDTH(W)                                                                          \
    BENCHMARK(BM_add<rt::Bits<W>>);                                                                \
    BENCHMARK(BM_add<rt::Logic<W>>);                                                               \
    BENCHMARK(BM_mul<rt::Bits<W>>);                                                                \
    BENCHMARK(BM_mul<rt::Logic<W>>);                                                               \
    BENCHMARK(BM_shift<rt::Bits<W>>);                                                              \
    BENCHMARK(BM_shift<rt::Logic<W>>);                                                             \
    BENCHMARK(BM_compare<rt::Bits<W>>);                                                            \
    BENCHMARK(BM_compare<rt::Logic<W>>);

MF_BENCH_WIDTH(8)
MF_BENCH_WIDTH(32)
MF_BENCH_WIDTH(64)
MF_BENCH_WIDTH(128)
MF_BENCH_WIDTH(1024)

} // namespace

BENCHMARK_MAIN();
