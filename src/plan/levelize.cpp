// Transformations: none. Builds the dataflow graph of the combinational processes (an edge
// from a process that writes a signal to each combinational process that reads it), finds its
// cycles (strongly connected groups, and continuous drivers that read their own target) and
// gives every process outside them a level: one more than the highest level of the processes
// it reads from, 0 when it reads none. The cycles stay on the event scheduler. Signals are
// compared through the aliases; links merged into one signal are left out (level -1).
#include "plan/model_plan.h"
#include "plan/nets.h"

#include <algorithm>
#include <map>

namespace metalfpga::plan {

using namespace ir;

void levelize(const Design& d, ModelPlan& plan) {
    // Signals are compared through the aliases: a net merged into a variable is that variable.
    auto rep = [&](SignalId s) { return plan.repOf(s); };
    std::vector<uint32_t> comb;
    for (uint32_t i = 0; i < plan.processes.size(); ++i)
        if (plan.processes[i].cls == ProcessClass::Combinational &&
            !mergedLink(d.processes[i], plan.rep))
            comb.push_back(i);
    std::map<SignalId, std::vector<uint32_t>> writers;
    for (uint32_t i : comb)
        for (SignalId s : plan.processes[i].writes) writers[rep(s)].push_back(i);
    // succ[i]: the combinational processes that read what i writes.
    std::map<uint32_t, std::vector<uint32_t>> succ;
    std::vector<bool> selfLoop(plan.processes.size(), false);
    for (uint32_t j : comb)
        for (SignalId s : plan.processes[j].reads) {
            auto w = writers.find(rep(s));
            if (w == writers.end()) continue;
            for (uint32_t i : w->second) {
                if (i == j) {
                    // An always block reads what it wrote before; a continuous driver that
                    // reads its own target is a loop (a link merged into one signal is not).
                    const auto& own = plan.processes[j].writes;
                    if (d.processes[j].kind != ProcessKind::Always &&
                        std::binary_search(own.begin(), own.end(), s))
                        selfLoop[j] = true;
                    continue;
                }
                succ[i].push_back(j);
            }
        }
    for (auto& [i, v] : succ) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    // Tarjan's strongly connected components, iteratively (graphs can be deep).
    const uint32_t kUnseen = ~0u;
    std::vector<uint32_t> index(plan.processes.size(), kUnseen), low(plan.processes.size(), 0);
    std::vector<bool> onStack(plan.processes.size(), false);
    std::vector<uint32_t> stack;
    std::vector<std::vector<uint32_t>> sccs; // in reverse topological order
    uint32_t next = 0;
    for (uint32_t root : comb) {
        if (index[root] != kUnseen) continue;
        std::vector<std::pair<uint32_t, size_t>> work{{root, 0}};
        index[root] = low[root] = next++;
        stack.push_back(root);
        onStack[root] = true;
        while (!work.empty()) {
            auto& [v, k] = work.back();
            const auto& out = succ[v];
            if (k < out.size()) {
                uint32_t w = out[k++];
                if (index[w] == kUnseen) {
                    index[w] = low[w] = next++;
                    stack.push_back(w);
                    onStack[w] = true;
                    work.push_back({w, 0});
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                std::vector<uint32_t> scc;
                uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    scc.push_back(w);
                } while (w != v);
                std::sort(scc.begin(), scc.end());
                sccs.push_back(std::move(scc));
            }
            uint32_t done = v;
            work.pop_back();
            if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
        }
    }
    plan.levels.clear();
    plan.loops.clear();
    for (auto it = sccs.rbegin(); it != sccs.rend(); ++it) { // topological order
        const auto& scc = *it;
        if (scc.size() > 1 || selfLoop[scc[0]]) {
            for (uint32_t i : scc) plan.processes[i].inLoop = true;
            plan.loops.push_back(scc);
        }
    }
    // Levels, in topological order: a process after a loop reads a value the events settle.
    std::vector<int> level(plan.processes.size(), 0);
    for (auto it = sccs.rbegin(); it != sccs.rend(); ++it)
        for (uint32_t i : *it) {
            ProcessPlan& pp = plan.processes[i];
            if (pp.inLoop) continue;
            pp.level = level[i];
            for (uint32_t j : succ[i]) level[j] = std::max(level[j], level[i] + 1);
            if (plan.levels.size() <= size_t(pp.level)) plan.levels.resize(pp.level + 1);
            plan.levels[pp.level].push_back(i);
        }
    for (auto& l : plan.levels) std::sort(l.begin(), l.end());
}

} // namespace metalfpga::plan
