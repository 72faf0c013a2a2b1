// core/ml/vqc.cpp — the variational quantum classifier: model assembly (encoding + renamed
// ansatz weights), readout, loss, parameter-shift gradients, and the Adam / SPSA / COBYLA
// training loops. The circuit is built once; every evaluation only rebinds parameters.
#include "core/ml/vqc.h"

#include "core/circuit/transform.h"
#include "core/ml/quantum_execution.h"
#include "core/sim/rng.h"
#include "core/sim/sampling.h"

#include <nlopt.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>

namespace qpilot::ml {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMinProbability = 1e-10;
constexpr std::uint64_t kInitStream = 1ULL << 50;
constexpr std::uint64_t kBatchStream = (1ULL << 50) + 1;
constexpr std::uint64_t kSpsaStream = (1ULL << 50) + 2;
constexpr std::uint64_t kShotStreamBase = 1ULL << 20;

bool cancelled(const VqcOptions& o) { return o.cancel && o.cancel->load(); }

int popcount(std::uint64_t v)
{
    int c = 0;
    for (; v; v &= v - 1)
        ++c;
    return c;
}

// Whether every weight is the whole angle of exactly one RX/RY/RZ/P gate (parameter shift).
bool shiftRuleApplies(const Circuit& circuit, const std::vector<std::string>& weights)
{
    auto inlined = inlineDefinitions(circuit);
    if (!inlined)
        return false;
    std::map<std::string, int> uses;
    for (const Operation& op : inlined->ops) {
        const auto* g = std::get_if<GateOp>(&op.op);
        if (!g)
            continue;
        for (const Expr& p : g->params) {
            for (const std::string& name : p.parameters()) {
                if (!std::binary_search(weights.begin(), weights.end(), name))
                    continue;
                const bool pauliRotation = g->modifiers.empty()
                    && (g->kind == GateKind::RX || g->kind == GateKind::RY || g->kind == GateKind::RZ || g->kind == GateKind::P);
                if (!pauliRotation || p.kind() != Expr::Kind::Parameter)
                    return false;
                ++uses[name];
            }
        }
    }
    for (const std::string& w : weights)
        if (uses[w] != 1)
            return false;
    return true;
}

// Linear readout f(P) and the class probabilities p = g(f).
std::vector<double> linearReadout(const VqcModel& m, const std::vector<double>& probs)
{
    const int K = m.classes;
    std::vector<double> f(size_t(K), 0.0);
    if (m.options.readout == VqcReadout::Parity) {
        for (size_t b = 0; b < probs.size(); ++b)
            f[size_t(popcount(b) % K)] += probs[b];
    } else if (K == 2) {
        double p1 = 0;
        for (size_t b = 1; b < probs.size(); b += 2)
            p1 += probs[b];
        f = {1.0 - p1, p1};
    } else {
        for (size_t b = 0; b < probs.size(); ++b)
            for (int c = 0; c < K; ++c)
                if ((b >> c) & 1)
                    f[size_t(c)] += probs[b];
    }
    return f;
}

bool softmaxReadout(const VqcModel& m) { return m.options.readout == VqcReadout::Expectation && m.classes > 2; }

std::vector<double> classProbabilities(const VqcModel& m, const std::vector<double>& f)
{
    if (!softmaxReadout(m))
        return f;
    std::vector<double> p(f.size());
    double mx = -1e300, sum = 0;
    for (double v : f)
        mx = std::max(mx, m.options.logitScale * v);
    for (size_t c = 0; c < f.size(); ++c)
        sum += p[c] = std::exp(m.options.logitScale * f[c] - mx);
    for (double& v : p)
        v /= sum;
    return p;
}

double sampleLoss(const std::vector<double>& p, int y) { return -std::log(std::max(p[size_t(y)], kMinProbability)); }

// dL/df for one sample.
std::vector<double> lossByReadout(const VqcModel& m, const std::vector<double>& f, int y)
{
    const std::vector<double> p = classProbabilities(m, f);
    std::vector<double> d(f.size(), 0.0);
    if (softmaxReadout(m)) {
        for (size_t c = 0; c < f.size(); ++c)
            d[c] = m.options.logitScale * (p[c] - (int(c) == y ? 1.0 : 0.0));
    } else if (p[size_t(y)] > kMinProbability) {
        d[size_t(y)] = -1.0 / p[size_t(y)];
    }
    return d;
}

struct Evaluator {
    const VqcModel& m;
    std::vector<ParamBindings> inputs; // per row
    std::uint64_t streamBase = 0;
    std::vector<std::shared_ptr<const detail::PreparedCircuit>> prepared; // ideal runs, per row

    int threads() const { return m.options.threads > 0 ? m.options.threads : omp_get_max_threads(); }

    Result<std::vector<double>> run(int row, const std::vector<double>& w, std::uint64_t stream) const
    {
        Result<std::vector<double>> probs = Error{};
        if (m.options.noise) {
            ParamBindings b = inputs[size_t(row)];
            for (size_t j = 0; j < w.size(); ++j)
                b[m.weightNames[j]] = w[j];
            probs = detail::finalProbabilities(m.circuit, b, m.options.noise);
        } else {
            probs = prepared[size_t(row)]->probabilities(w);
        }
        if (!probs || m.options.shots <= 0)
            return probs;
        const auto draws = sim::sampleIndices(*probs, m.options.shots, m.options.seed, kShotStreamBase + stream);
        std::vector<double> est(probs->size(), 0.0);
        for (std::uint64_t d : draws)
            est[size_t(d)] += 1.0 / m.options.shots;
        return est;
    }
};

Result<Evaluator> evaluator(const VqcModel& m, const Samples& s)
{
    if (s.features != m.encoding.features)
        return Error{"VQC: the samples have " + std::to_string(s.features) + " features, the model expects "
                     + std::to_string(m.encoding.features)};
    Evaluator e{m, {}, 0, {}};
    for (int r = 0; r < s.rows; ++r) {
        auto b = encoding::bindFeatures(m.encoding, std::vector<double>(s.row(r), s.row(r) + s.features));
        if (!b)
            return Error{"VQC: row " + std::to_string(r) + ": " + b.error().message};
        if (!m.options.noise) {
            auto bound = bindParameters(m.circuit, *b);
            if (!bound)
                return Error{"VQC: " + bound.error().message};
            auto p = detail::PreparedCircuit::prepare(*bound, m.weightNames);
            if (!p)
                return Error{"VQC: " + p.error().message};
            e.prepared.push_back(std::make_shared<const detail::PreparedCircuit>(std::move(p.value())));
        }
        e.inputs.push_back(std::move(b.value()));
    }
    return e;
}

Result<bool> checkLabels(const VqcModel& m, const Samples& s)
{
    if (s.y.size() != size_t(s.rows))
        return Error{"VQC: the samples need one label per row"};
    for (int y : s.y)
        if (y < 0 || y >= m.classes)
            return Error{"VQC: label " + std::to_string(y) + " is outside 0.." + std::to_string(m.classes - 1)};
    return true;
}

// Loss (and optionally gradient) over the rows in `rows` at weights `w`.
struct LossGrad {
    double loss = 0;
    std::vector<double> grad;
    long long executions = 0;
};

// Each call uses fresh shot streams: rows x (1 + 2P) from e.streamBase on, then advances it.
Result<LossGrad> evaluate(Evaluator& e, const Samples& s, const std::vector<int>& rows, const std::vector<double>& w,
                          bool wantGradient)
{
    const VqcModel& m = e.m;
    const size_t P = w.size();
    const int n = static_cast<int>(rows.size());
    const std::uint64_t perRow = 1 + 2 * P;
    std::vector<double> losses(size_t(n), 0.0);
    std::vector<std::vector<double>> grads(static_cast<size_t>(n));
    std::vector<std::string> errors(static_cast<size_t>(n));
#pragma omp parallel for schedule(dynamic, 1) num_threads(e.threads())
    for (int k = 0; k < n; ++k) {
        const int r = rows[size_t(k)];
        const std::uint64_t stream = e.streamBase + std::uint64_t(k) * perRow;
        auto probs = e.run(r, w, stream);
        if (!probs) {
            errors[size_t(k)] = probs.error().message;
            continue;
        }
        const std::vector<double> f = linearReadout(m, *probs);
        const int y = s.y[size_t(r)];
        losses[size_t(k)] = sampleLoss(classProbabilities(m, f), y);
        if (!wantGradient)
            continue;
        const std::vector<double> dLdf = lossByReadout(m, f, y);
        std::vector<double> g(P, 0.0);
        std::vector<double> shifted = w;
        for (size_t j = 0; j < P; ++j) {
            shifted[j] = w[j] + kPi / 2;
            auto plus = e.run(r, shifted, stream + 1 + 2 * j);
            shifted[j] = w[j] - kPi / 2;
            auto minus = e.run(r, shifted, stream + 2 + 2 * j);
            shifted[j] = w[j];
            if (!plus || !minus) {
                errors[size_t(k)] = (!plus ? plus.error() : minus.error()).message;
                break;
            }
            const std::vector<double> fp = linearReadout(m, *plus), fm = linearReadout(m, *minus);
            for (size_t c = 0; c < dLdf.size(); ++c)
                g[j] += dLdf[c] * (fp[c] - fm[c]) / 2;
        }
        grads[size_t(k)] = std::move(g);
    }
    e.streamBase += std::uint64_t(n) * perRow;
    for (const std::string& err : errors)
        if (!err.empty())
            return Error{"VQC: " + err};
    LossGrad out;
    out.grad.assign(P, 0.0);
    for (int k = 0; k < n; ++k) {
        out.loss += losses[size_t(k)] / n;
        if (wantGradient)
            for (size_t j = 0; j < P; ++j)
                out.grad[j] += grads[size_t(k)][j] / n;
    }
    out.executions = wantGradient ? (long long)n * (long long)perRow : n;
    return out;
}

std::vector<int> allRows(int n)
{
    std::vector<int> r(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        r[size_t(i)] = i;
    return r;
}

} // namespace

const char* vqcOptimizerName(VqcOptimizer o)
{
    return o == VqcOptimizer::Adam ? "adam" : o == VqcOptimizer::SPSA ? "spsa" : "cobyla";
}

const char* vqcReadoutName(VqcReadout r) { return r == VqcReadout::Parity ? "parity" : "expectation"; }

Result<VqcModel> makeVqc(int features, int classes, const VqcOptions& options)
{
    if (classes < 2)
        return Error{"VQC: a classifier needs at least two classes (got " + std::to_string(classes) + ")"};
    if (encoding::isAnsatz(options.encoding))
        return Error{std::string("VQC: '") + encoding::kindName(options.encoding) + "' is an ansatz, not an encoding"};
    if (options.ansatz && !encoding::isAnsatz(*options.ansatz))
        return Error{std::string("VQC: '") + encoding::kindName(*options.ansatz) + "' is not an ansatz"};
    if (options.shots < 0)
        return Error{"VQC: shots must be 0 (exact) or positive"};
    if (options.iterations < 1)
        return Error{"VQC: iterations must be at least 1"};
    auto enc = encoding::build(options.encoding, features, options.encodingOptions);
    if (!enc)
        return Error{"VQC: " + enc.error().message};
    VqcModel m;
    m.encoding = *enc;
    m.circuit = enc->circuit;
    m.weightNames = enc->weights;
    m.qubits = enc->circuit.numQubits();
    m.classes = classes;
    m.options = options;
    m.options.progress = nullptr;
    m.options.cancel = nullptr;
    if (options.ansatz) {
        auto an = encoding::build(*options.ansatz, m.qubits, options.ansatzOptions);
        if (!an)
            return Error{"VQC: " + an.error().message};
        std::map<std::string, Expr> rename;
        Circuit a = an->circuit;
        a.parameters.clear();
        for (size_t j = 0; j < an->weights.size(); ++j) {
            const std::string name = "phi_" + std::to_string(j);
            rename[an->weights[j]] = Expr::parameter(name);
            a.parameters.push_back(name);
            m.weightNames.push_back(name);
        }
        for (Operation& op : a.ops)
            if (auto* g = std::get_if<GateOp>(&op.op))
                for (Expr& p : g->params)
                    p = p.substitute(rename);
        m.circuit = detail::appendCircuit(m.circuit, a);
    }
    if (m.weightNames.empty())
        return Error{"VQC: the model has no trainable parameters (choose an ansatz or the reupload encoding)"};
    if (options.readout == VqcReadout::Expectation && classes > 2 && classes > m.qubits)
        return Error{"VQC: the expectation readout needs one qubit per class (" + std::to_string(classes) + " classes, "
                     + std::to_string(m.qubits) + " qubits); use the parity readout"};
    std::vector<std::string> sorted = m.weightNames;
    std::sort(sorted.begin(), sorted.end());
    m.parameterShiftValid = shiftRuleApplies(m.circuit, sorted);
    if (options.optimizer == VqcOptimizer::Adam && !m.parameterShiftValid)
        return Error{"VQC: parameter-shift gradients need every trainable angle in exactly one RX/RY/RZ/P gate; this ansatz "
                     "does not qualify (e.g. PRX or GPI2 phases) - use the SPSA or COBYLA optimizer"};
    for (size_t j = 0; j < m.weightNames.size(); ++j)
        m.weights.push_back(-kPi + 2 * kPi * sim::uniform01(options.seed, kInitStream, j));
    return m;
}

Result<std::vector<std::vector<double>>> vqcProbabilities(const VqcModel& m, const Samples& s, long long* executions)
{
    auto e = evaluator(m, s);
    if (!e)
        return e.error();
    std::vector<std::vector<double>> out(static_cast<size_t>(s.rows));
    std::vector<std::string> errors(static_cast<size_t>(s.rows));
#pragma omp parallel for schedule(dynamic, 1) num_threads(e->threads())
    for (int r = 0; r < s.rows; ++r) {
        auto probs = e->run(r, m.weights, std::uint64_t(r));
        if (probs)
            out[size_t(r)] = classProbabilities(m, linearReadout(m, *probs));
        else
            errors[size_t(r)] = probs.error().message;
    }
    for (const std::string& err : errors)
        if (!err.empty())
            return Error{"VQC: " + err};
    if (executions)
        *executions += s.rows;
    return out;
}

Result<std::vector<int>> vqcPredict(const VqcModel& m, const Samples& s, long long* executions)
{
    auto p = vqcProbabilities(m, s, executions);
    if (!p)
        return p.error();
    std::vector<int> out;
    for (const auto& row : *p)
        out.push_back(static_cast<int>(std::max_element(row.begin(), row.end()) - row.begin()));
    return out;
}

Result<double> vqcLoss(const VqcModel& m, const Samples& s, long long* executions)
{
    if (auto ok = checkLabels(m, s); !ok)
        return ok.error();
    auto e = evaluator(m, s);
    if (!e)
        return e.error();
    auto r = evaluate(e.value(), s, allRows(s.rows), m.weights, false);
    if (!r)
        return r.error();
    if (executions)
        *executions += r->executions;
    return r->loss;
}

Result<std::vector<double>> vqcGradient(const VqcModel& m, const Samples& s, long long* executions)
{
    if (!m.parameterShiftValid)
        return Error{"VQC: the parameter-shift rule does not apply to this ansatz"};
    if (auto ok = checkLabels(m, s); !ok)
        return ok.error();
    auto e = evaluator(m, s);
    if (!e)
        return e.error();
    auto r = evaluate(e.value(), s, allRows(s.rows), m.weights, true);
    if (!r)
        return r.error();
    if (executions)
        *executions += r->executions;
    return r->grad;
}

namespace {

struct CobylaContext {
    Evaluator* e;
    const Samples* s;
    std::vector<int> rows;
    VqcReport* report;
    const VqcOptions* options;
    std::string error;
    nlopt_opt opt;
};

double cobylaObjective(unsigned n, const double* x, double*, void* data)
{
    auto* c = static_cast<CobylaContext*>(data);
    if (cancelled(*c->options)) {
        c->error = "cancelled";
        nlopt_force_stop(c->opt);
        return 0;
    }
    std::vector<double> w(x, x + n);
    auto r = evaluate(*c->e, *c->s, c->rows, w, false);
    if (!r) {
        c->error = r.error().message;
        nlopt_force_stop(c->opt);
        return 0;
    }
    c->report->circuitExecutions += r->executions;
    c->report->loss.push_back(r->loss);
    ++c->report->iterations;
    if (c->options->progress)
        c->options->progress(std::min(1.0, double(c->report->iterations) / c->options->iterations));
    return r->loss;
}

} // namespace

Result<VqcModel> trainVqc(const Samples& train, const VqcOptions& options, VqcReport* reportOut)
{
    const auto start = std::chrono::steady_clock::now();
    int classes = std::max(train.classes, 2);
    for (int y : train.y)
        classes = std::max(classes, y + 1);
    auto made = makeVqc(train.features, classes, options);
    if (!made)
        return made.error();
    VqcModel m = std::move(made.value());
    if (auto ok = checkLabels(m, train); !ok)
        return ok.error();
    if (train.rows < 1)
        return Error{"VQC: no training samples"};
    auto ev = evaluator(m, train);
    if (!ev)
        return ev.error();
    Evaluator& e = ev.value();
    VqcReport report;
    const size_t P = m.weights.size();
    const int batch = options.batchSize > 0 ? std::min(options.batchSize, train.rows) : train.rows;
    std::vector<int> order = allRows(train.rows);
    std::uint64_t batchCounter = 0;
    int cursor = train.rows; // forces a shuffle before the first mini-batch
    auto nextRows = [&]() {
        if (batch == train.rows)
            return order;
        if (cursor + batch > train.rows) {
            for (size_t k = order.size(); k > 1; --k)
                std::swap(order[k - 1], order[size_t(sim::randomBits(options.seed, kBatchStream, batchCounter++) % k)]);
            cursor = 0;
        }
        std::vector<int> rows(order.begin() + cursor, order.begin() + cursor + batch);
        cursor += batch;
        return rows;
    };

    if (options.optimizer == VqcOptimizer::Adam) {
        std::vector<double> mom(P, 0.0), vel(P, 0.0);
        const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        for (int it = 0; it < options.iterations; ++it) {
            if (cancelled(options))
                return Error{"cancelled"};
            const std::vector<int> rows = nextRows();
            auto r = evaluate(e, train, rows, m.weights, true);
            if (!r)
                return r.error();
            report.circuitExecutions += r->executions;
            report.loss.push_back(r->loss);
            for (size_t j = 0; j < P; ++j) {
                mom[j] = b1 * mom[j] + (1 - b1) * r->grad[j];
                vel[j] = b2 * vel[j] + (1 - b2) * r->grad[j] * r->grad[j];
                const double mh = mom[j] / (1 - std::pow(b1, it + 1));
                const double vh = vel[j] / (1 - std::pow(b2, it + 1));
                m.weights[j] -= options.learningRate * mh / (std::sqrt(vh) + eps);
            }
            ++report.iterations;
            if (options.progress)
                options.progress(double(it + 1) / options.iterations);
        }
    } else if (options.optimizer == VqcOptimizer::SPSA) {
        // Spall's gains: a_k = a / (k + 1 + A)^0.602, c_k = c / (k + 1)^0.101, A = 10% of the steps.
        const double A = 0.1 * options.iterations;
        std::uint64_t dirCounter = 0;
        for (int it = 0; it < options.iterations; ++it) {
            if (cancelled(options))
                return Error{"cancelled"};
            const std::vector<int> rows = nextRows();
            const double ak = options.learningRate / std::pow(it + 1 + A, 0.602);
            const double ck = options.spsaPerturbation / std::pow(it + 1, 0.101);
            std::vector<double> delta(P), wp = m.weights, wm = m.weights;
            for (size_t j = 0; j < P; ++j) {
                delta[j] = (sim::randomBits(options.seed, kSpsaStream, dirCounter++) & 1) ? 1.0 : -1.0;
                wp[j] += ck * delta[j];
                wm[j] -= ck * delta[j];
            }
            auto lp = evaluate(e, train, rows, wp, false);
            if (!lp)
                return lp.error();
            auto lm = evaluate(e, train, rows, wm, false);
            if (!lm)
                return lm.error();
            report.circuitExecutions += lp->executions + lm->executions;
            report.loss.push_back(0.5 * (lp->loss + lm->loss));
            for (size_t j = 0; j < P; ++j)
                m.weights[j] -= ak * (lp->loss - lm->loss) / (2 * ck * delta[j]);
            ++report.iterations;
            if (options.progress)
                options.progress(double(it + 1) / options.iterations);
        }
    } else {
        CobylaContext ctx{&e, &train, allRows(train.rows), &report, &options, {}, nullptr};
        nlopt_opt opt = nlopt_create(NLOPT_LN_COBYLA, static_cast<unsigned>(P));
        ctx.opt = opt;
        nlopt_set_min_objective(opt, &cobylaObjective, &ctx);
        nlopt_set_maxeval(opt, options.iterations);
        nlopt_set_initial_step1(opt, 0.5);
        nlopt_set_xtol_rel(opt, 1e-6);
        double best = 0;
        std::vector<double> x = m.weights;
        const nlopt_result res = nlopt_optimize(opt, x.data(), &best);
        nlopt_destroy(opt);
        if (!ctx.error.empty())
            return Error{ctx.error == "cancelled" ? ctx.error : "VQC: " + ctx.error};
        if (res < 0 && res != NLOPT_ROUNDOFF_LIMITED)
            return Error{"VQC: COBYLA failed (NLopt code " + std::to_string(int(res)) + ")"};
        m.weights = x;
    }
    report.shots = options.shots > 0 ? report.circuitExecutions * options.shots : 0;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (reportOut)
        *reportOut = report;
    return m;
}

} // namespace qpilot::ml
