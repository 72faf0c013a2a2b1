// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/livesimulator.cpp — the live-simulation worker (see livesimulator.h).
#include "ui/results/livesimulator.h"

#include "core/circuit/transform.h"
#include "core/device/device.h"
#include "core/noise/noise.h"
#include "core/sim/density_matrix.h"
#include "core/sim/program.h"
#include "core/sim/simulator.h"
#include "core/transpile/transpile.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cctype>

namespace qpilot {

namespace {

bool isCancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load();
}

// True when measurements are all terminal and there is no reset or condition: then the
// circuit without its measurements has a pure final state over the qubits.
bool hasPureFinalState(const Circuit& c)
{
    std::vector<bool> measured(std::size_t(c.numQubits()), false);
    for (const Operation& op : c.ops) {
        if (std::holds_alternative<ResetOp>(op.op) || std::holds_alternative<IfElseOp>(op.op))
            return false;
        if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
            measured[std::size_t(m->qubit)] = true;
            continue;
        }
        std::vector<int> qubits;
        if (const auto* g = std::get_if<GateOp>(&op.op))
            qubits = g->qubits;
        for (int q : qubits) {
            if (measured[std::size_t(q)])
                return false;
        }
    }
    return true;
}

// The circuit without measurements, measuring every qubit i into bit i of a fresh "c".
Circuit measuredAll(const Circuit& c)
{
    Circuit out = c;
    out.cregs.clear();
    out.ops.clear();
    for (const Operation& op : c.ops) {
        if (!std::holds_alternative<MeasureOp>(op.op))
            out.ops.push_back(op);
    }
    out.addCreg("c", c.numQubits());
    for (int q = 0; q < c.numQubits(); ++q)
        out.measure(q, q);
    return out;
}

std::vector<double> frequencies(const std::map<std::string, int>& counts, int bits, int shots)
{
    std::vector<double> out(std::size_t(1) << bits, 0.0);
    for (const auto& [key, count] : counts) {
        std::size_t index = 0;
        for (char ch : key)
            index = (index << 1) | (ch == '1' ? 1u : 0u);
        if (index < out.size())
            out[index] += double(count) / std::max(shots, 1);
    }
    return out;
}

int parity(std::uint64_t v)
{
    return __builtin_popcountll(v) & 1;
}

// <P> over a distribution of measured bits (P must be Z-only).
double zExpectation(const std::vector<double>& probabilities, std::uint64_t z)
{
    double e = 0;
    for (std::size_t i = 0; i < probabilities.size(); ++i)
        e += parity(i & z) ? -probabilities[i] : probabilities[i];
    return e;
}

// <psi|P|psi> with P|i> = phase(i)|i ^ x>, phase = i^{#Y} (-1)^{popcount(i & z)}.
double pauliExpectation(const std::vector<Complex>& psi, const PauliString& p)
{
    const int ys = __builtin_popcountll(p.x & p.z);
    static const Complex iPow[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    const Complex yPhase = iPow[ys % 4];
    Complex sum = 0;
    for (std::size_t i = 0; i < psi.size(); ++i) {
        const Complex phase = parity(i & p.z) ? -yPhase : yPhase;
        sum += std::conj(psi[i ^ p.x]) * phase * psi[i];
    }
    return sum.real();
}

// P(bit b = 1) for every bit in one pass over the distribution: the low kLow bits from a
// histogram of (i mod 2^kLow), the rest from the sums of blocks of 2^kLow entries.
std::vector<double> bitMarginals(const std::vector<double>& p, int bits)
{
    std::vector<double> out(std::size_t(std::max(bits, 0)), 0.0);
    constexpr int kLow = 8;
    const std::size_t block = std::size_t(1) << kLow;
    if (p.size() < block) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            for (int b = 0; b < bits; ++b) {
                if ((i >> b) & 1u)
                    out[std::size_t(b)] += p[i];
            }
        }
        return out;
    }
    std::vector<double> low(block, 0.0);
    for (std::size_t start = 0; start < p.size(); start += block) {
        double sum = 0;
        for (std::size_t j = 0; j < block; ++j) {
            low[j] += p[start + j];
            sum += p[start + j];
        }
        const std::size_t high = start >> kLow;
        for (int b = kLow; b < bits; ++b) {
            if ((high >> (b - kLow)) & 1u)
                out[std::size_t(b)] += sum;
        }
    }
    for (std::size_t j = 0; j < block; ++j) {
        for (int b = 0; b < kLow && b < bits; ++b) {
            if ((j >> b) & 1u)
                out[std::size_t(b)] += low[j];
        }
    }
    return out;
}

// The reduced state of each qubit as its Bloch vector: x - iy = 2 rho_01 with
// rho_01 = sum over i with bit q clear of a_i conj(a_{i | 2^q}); z = 1 - 2 P(1). Branch-free
// pair loops over the state (real arithmetic, so the compiler vectorises it).
std::vector<std::array<double, 3>> blochVectors(const std::vector<Complex>& amplitudes, int qubits,
                                                const std::vector<double>& p1)
{
    std::vector<std::array<double, 3>> out;
    const double* a = reinterpret_cast<const double*>(amplitudes.data());
    const std::size_t n = amplitudes.size();
    for (int q = 0; q < qubits; ++q) {
        const std::size_t bit = std::size_t(1) << q;
        double re = 0, im = 0;
        for (std::size_t base = 0; base < n; base += 2 * bit) {
            const double* x = a + 2 * base;
            const double* y = a + 2 * (base + bit);
            for (std::size_t j = 0; j < 2 * bit; j += 2) {
                // x * conj(y) = (xr yr + xi yi) + i (xi yr - xr yi)
                re += x[j] * y[j] + x[j + 1] * y[j + 1];
                im += x[j + 1] * y[j] - x[j] * y[j + 1];
            }
        }
        const double z = std::size_t(q) < p1.size() ? 1 - 2 * p1[std::size_t(q)] : 0.0;
        out.push_back({2 * re, -2 * im, z});
    }
    return out;
}

} // namespace

std::vector<std::array<double, 3>> blochVectorsOf(const sim::DensityMatrix& rho)
{
    std::vector<std::array<double, 3>> out;
    const int n = rho.numQubits();
    const std::size_t dim = std::size_t(1) << n;
    for (int q = 0; q < n; ++q) {
        const std::size_t bit = std::size_t(1) << q;
        Complex rho01 = 0;
        for (std::size_t i = 0; i < dim; ++i) {
            if (!(i & bit))
                rho01 += rho.at(i, i | bit);
        }
        out.push_back({2 * rho01.real(), -2 * rho01.imag(), 1 - 2 * rho.probabilityOfOne(q)});
    }
    return out;
}

std::vector<quint64> topIndices(const double* values, std::size_t n, std::size_t k)
{
    // A min-heap of the best k so far (ties: the lower index is better, so the result is
    // deterministic); one pass, O(n log k) worst case and O(n) for most states.
    auto better = [values](quint64 a, quint64 b) { return values[a] > values[b] || (values[a] == values[b] && a < b); };
    std::vector<quint64> heap;
    k = std::min(k, n);
    heap.reserve(k);
    for (std::size_t i = 0; i < n; ++i) {
        if (heap.size() < k) {
            heap.push_back(i);
            std::push_heap(heap.begin(), heap.end(), better);
        } else if (k > 0 && better(i, heap.front())) {
            std::pop_heap(heap.begin(), heap.end(), better);
            heap.back() = i;
            std::push_heap(heap.begin(), heap.end(), better);
        }
    }
    std::sort(heap.begin(), heap.end(), better);
    return heap;
}

Result<PauliString> parsePauliString(const std::string& text)
{
    PauliString p;
    std::size_t i = 0;
    std::vector<std::string> parts;
    auto fail = [&](const std::string& why) {
        return Error("observable '" + text + "': " + why + " at column " + std::to_string(i + 1));
    };
    while (i < text.size()) {
        const char c = char(std::toupper(static_cast<unsigned char>(text[i])));
        if (c == ' ' || c == '*' || c == '\t') {
            ++i;
            continue;
        }
        if (c != 'X' && c != 'Y' && c != 'Z' && c != 'I')
            return fail("expected X, Y, Z or I");
        ++i;
        std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (start == i)
            return fail("expected a qubit number");
        if (i - start > 2)
            return fail("qubit number too large");
        const int q = std::stoi(text.substr(start, i - start));
        if (q >= 63)
            return fail("qubit number too large");
        const std::uint64_t bit = std::uint64_t(1) << q;
        if ((p.x | p.z) & bit)
            return fail("qubit " + std::to_string(q) + " appears twice");
        if (c == 'I')
            continue;
        if (c == 'X' || c == 'Y')
            p.x |= bit;
        if (c == 'Z' || c == 'Y')
            p.z |= bit;
        p.maxQubit = std::max(p.maxQubit, q);
        parts.push_back(std::string(1, c) + std::to_string(q));
    }
    if (parts.empty())
        return Error("observable '" + text + "' is empty; write e.g. Z0 Z1");
    for (std::size_t k = 0; k < parts.size(); ++k)
        p.text += (k ? " " : "") + parts[k];
    return p;
}

LiveSimulator::LiveSimulator(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // the newest run starts while the cancelled one winds down
}

LiveSimulator::~LiveSimulator()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

quint64 LiveSimulator::request(LiveSimRequest request)
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    emit started(generation);
    auto cancel = m_cancel;
    auto cancelled = m_cancelled;
    m_pool.start([this, request = std::move(request), cancel, cancelled, generation] {
        if (cancel->load()) { // superseded while it waited for a thread
            ++*cancelled;
            return;
        }
        LiveSimResult result = compute(request, cancel.get());
        if (cancel->load()) {
            ++*cancelled;
            return; // stale: a newer request exists
        }
        result.generation = generation;
        summarise(result); // the GUI thread gets the summary, never 2^n entries
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result)] {
                if (result.generation == m_generation)
                    emit resultReady(result);
            },
            Qt::QueuedConnection);
    });
    return generation;
}

void LiveSimulator::summarise(LiveSimResult& result)
{
    if (result.ideal.size() > std::size_t(kSummaryStates)) {
        std::vector<double>().swap(result.ideal);
        std::vector<double>().swap(result.noisy);
    }
    if (result.amplitudes.size() > std::size_t(kSummaryStates))
        std::vector<Complex>().swap(result.amplitudes);
}

LiveSimResult LiveSimulator::compute(const LiveSimRequest& request, const std::atomic<bool>* cancel)
{
    QElapsedTimer timer;
    timer.start();
    LiveSimResult r;
    const Circuit& c = request.circuit;
    r.numQubits = c.numQubits();
    r.shots = request.shots;
    r.seed = request.seed;
    r.deviceId = request.deviceId;
    if (r.numQubits == 0) {
        r.error = QObject::tr("The circuit has no qubits.");
        return r;
    }
    const int maxQubits = std::clamp(request.maxQubits, 1, kMaxQubits);
    if (r.numQubits > maxQubits) {
        r.error = QObject::tr("Live simulation stops at %1 qubits; this circuit has %2 (use qpilot simulate, "
                              "or raise the limit in Preferences up to %3).")
                      .arg(maxQubits)
                      .arg(r.numQubits)
                      .arg(kMaxQubits);
        return r;
    }
    ParamBindings bindings;
    for (const std::string& p : c.parameters)
        bindings[p] = 0.0;
    for (const Operation& op : c.ops) {
        if (const auto* g = std::get_if<GateOp>(&op.op)) {
            for (const Expr& e : g->params) {
                for (const std::string& name : e.parameters())
                    bindings[name] = 0.0;
            }
        }
    }
    if (!bindings.empty()) {
        QStringList names;
        for (const auto& [name, value] : bindings)
            names << QString::fromStdString(name);
        r.note = QObject::tr("Free parameters %1 are set to 0.").arg(names.join(QStringLiteral(", ")));
    }
    const bool pure = hasPureFinalState(c);
    const Circuit measured = pure ? measuredAll(c) : c;

    // Every core: the GUI thread's share of an edit is a few ms (the views take the worker's
    // summary), and on the 2-core build machine two threads cut the 20-qubit run from ~180 to
    // ~120 ms with the GUI thread still never blocked over 30 ms (bench/bench_gui.cpp).
    const int threads = std::max(1, QThread::idealThreadCount());
    sim::SimOptions ideal;
    ideal.cancel = cancel;
    ideal.parameters = bindings;
    ideal.threads = threads;
    if (pure) {
        Circuit stripped = measured;
        stripped.cregs.clear();
        stripped.ops.erase(std::remove_if(stripped.ops.begin(), stripped.ops.end(),
                                          [](const Operation& op) { return std::holds_alternative<MeasureOp>(op.op); }),
                           stripped.ops.end());
        ideal.wantStatevector = true;
        auto run = sim::simulate(stripped, ideal);
        if (!run) {
            r.error = QString::fromStdString(run.error().message);
            return r;
        }
        r.amplitudes = std::move(run.value().statevector);
        r.bits = r.numQubits;
        r.ideal.resize(r.amplitudes.size());
        for (std::size_t i = 0; i < r.amplitudes.size(); ++i)
            r.ideal[i] = std::norm(r.amplitudes[i]);
    } else {
        ideal.wantProbabilities = true;
        auto run = sim::simulate(c, ideal);
        if (!run) {
            r.error = QString::fromStdString(run.error().message);
            return r;
        }
        r.ideal = std::move(run.value().probabilities);
        r.overClassicalBits = c.numClbits() > 0;
        r.bits = r.overClassicalBits ? c.numClbits() : r.numQubits;
    }
    r.numStates = quint64(r.ideal.size());
    r.marginals = bitMarginals(r.ideal, r.bits);
    if (isCancelled(cancel))
        return r;
    if (request.shots > 0 && pure) {
        // Measuring every qubit of a pure state samples |amplitude|^2: draw from it directly.
        r.counts = sim::countsOf(sim::sampleIndices(r.ideal, request.shots, request.seed, 0), r.bits);
    } else if (request.shots > 0) {
        sim::SimOptions sampling;
        sampling.cancel = cancel;
        sampling.parameters = bindings;
        sampling.shots = request.shots;
        sampling.seed = request.seed;
        sampling.threads = threads;
        auto run = sim::simulate(measured, sampling);
        if (run)
            r.counts = run.value().counts;
    }
    if (!request.deviceId.isEmpty() && !isCancelled(cancel)) {
        auto device = findDevice(request.deviceId.toStdString());
        if (!device) {
            r.noiseError = QString::fromStdString(device.error().message);
        } else if (device->numQubits < r.numQubits) {
            r.noiseError = QObject::tr("%1 has %2 qubits; the circuit needs %3.")
                               .arg(QString::fromStdString(device->name))
                               .arg(device->numQubits)
                               .arg(r.numQubits);
        } else {
            auto noise = NoiseModel::fromDevice(device.value());
            if (!noise) {
                r.noiseError = QString::fromStdString(noise.error().message);
            } else {
                sim::SimOptions noisy;
                noisy.cancel = cancel;
                noisy.parameters = bindings;
                noisy.noise = &noise.value();
                noisy.seed = request.seed;
                noisy.threads = threads;
                const int width = measured.numClbits();
                if (r.numQubits <= kDensityMaxQubits) {
                    noisy.method = sim::Method::DensityMatrix;
                    noisy.wantProbabilities = true;
                } else {
                    noisy.method = sim::Method::Trajectories;
                    noisy.shots = kTrajectoryShots;
                }
                auto run = sim::simulate(measured, noisy);
                if (!run) {
                    r.noiseError = QString::fromStdString(run.error().message);
                } else if (noisy.wantProbabilities) {
                    r.noisy = std::move(run.value().probabilities);
                    r.noisyMethod = QObject::tr("density matrix");
                } else {
                    r.noisy = frequencies(run.value().counts, width, kTrajectoryShots);
                    r.noisyMethod = QObject::tr("%1 trajectories").arg(kTrajectoryShots);
                }
                if (r.noisy.size() != r.ideal.size())
                    r.noisy.clear();
                // The noisy reduced states (the state the final measurements read, before
                // readout error): one density-matrix run, for small circuits only.
                if (r.numQubits <= kNoisyBlochMaxQubits && !isCancelled(cancel)) {
                    auto program = sim::compileProgram(measured, bindings);
                    auto rho = program ? sim::finalDensityMatrix(program.value(), &noise.value(), threads)
                                       : Result<sim::DensityMatrix>(program.error());
                    if (rho)
                        r.noisyBloch = blochVectorsOf(rho.value());
                }
            }
            if (!isCancelled(cancel)) {
                // The transpiler needs numbers: the same bindings as the simulation.
                auto bound = bindParameters(measured, bindings);
                auto transpiled = bound ? transpile(bound.value(), device.value())
                                        : Result<TranspileResult>(bound.error());
                if (!transpiled) {
                    r.successNote = QString::fromStdString(transpiled.error().message);
                } else {
                    r.successProbability = transpiled->metrics.successProbability;
                    r.successNote = QString::fromStdString(transpiled->metrics.successNote);
                }
            }
        }
    }
    if (isCancelled(cancel))
        return r;
    // What the views show, chosen here rather than on the GUI thread: the histogram's states
    // with their probabilities, the table's rows, the Bloch vectors.
    const std::size_t states = r.ideal.size();
    if (states <= std::size_t(kTopStates)) {
        for (std::size_t i = 0; i < states; ++i)
            r.shownStates.push_back(i);
    } else if (r.noisy.empty()) {
        r.shownStates = topIndices(r.ideal.data(), states, std::size_t(kTopStates));
        std::sort(r.shownStates.begin(), r.shownStates.end());
    } else {
        std::vector<double> weight(states);
        for (std::size_t i = 0; i < states; ++i)
            weight[i] = std::max(r.ideal[i], r.noisy[i]);
        r.shownStates = topIndices(weight.data(), states, std::size_t(kTopStates));
        std::sort(r.shownStates.begin(), r.shownStates.end());
    }
    for (quint64 s : r.shownStates) {
        r.shownIdeal.push_back(r.ideal[s]);
        if (!r.noisy.empty())
            r.shownNoisy.push_back(r.noisy[s]);
    }
    if (!r.amplitudes.empty()) {
        r.amplitudeRows = AmplitudeModel::selectRows(r.amplitudes, r.ideal);
        if (isCancelled(cancel))
            return r;
        r.bloch = blochVectors(r.amplitudes, r.numQubits, r.marginals);
    }
    for (const std::string& text : request.observables) {
        Expectation e;
        e.observable = text;
        auto p = parsePauliString(text);
        if (!p) {
            e.error = p.error().message;
        } else if (p->maxQubit >= r.numQubits) {
            e.observable = p->text;
            e.error = "qubit " + std::to_string(p->maxQubit) + " does not exist";
        } else {
            e.observable = p->text;
            if (!r.amplitudes.empty())
                e.ideal = pauliExpectation(r.amplitudes, *p);
            else if (p->x == 0 && r.overClassicalBits)
                e.error = "needs a pure state (this circuit measures mid-circuit or resets)";
            else
                e.error = "X and Y need a pure state (this circuit measures mid-circuit or resets)";
            // Noisy runs measure qubit i into bit i: Z strings read off the distribution.
            if (p->x == 0 && !r.noisy.empty() && r.bits == r.numQubits)
                e.noisy = zExpectation(r.noisy, p->z);
        }
        r.expectations.push_back(std::move(e));
    }
    r.seconds = double(timer.nsecsElapsed()) * 1e-9;
    return r;
}

} // namespace qpilot
