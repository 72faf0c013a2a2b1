// core/mitigation/zne.cpp — unitary folding, extrapolation to zero noise and the ZNE run.
#include "core/mitigation/zne.h"

#include "core/circuit/gates.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace qpilot::mitigation {

namespace {

GateOp inverseOf(const GateOp& g)
{
    if (g.modifiers.empty() && g.kind != GateKind::Custom) {
        const std::vector<DefinitionStep> steps = gateInverse(g.kind, g.params);
        if (steps.size() == 1) {
            GateOp o;
            o.kind = steps[0].kind;
            o.params = steps[0].params;
            for (int operand : steps[0].operands)
                o.qubits.push_back(g.qubits[std::size_t(operand)]);
            return o;
        }
    }
    GateOp o = g;
    Modifier inv;
    inv.kind = Modifier::Kind::Inv;
    o.modifiers.insert(o.modifiers.begin(), inv);
    return o;
}

bool counted(const GateOp& g, Folding folding)
{
    return folding == Folding::TwoQubitOnly ? g.qubits.size() == 2 : !g.qubits.empty();
}

Operation wrap(GateOp g) { return Operation{std::move(g)}; }

} // namespace

Result<FoldResult> foldCircuit(const Circuit& unitary, double scale, Folding folding, FoldSelection selection,
                               std::uint64_t seed)
{
    if (!(scale >= 1) || !std::isfinite(scale))
        return Error{"scale factor " + std::to_string(scale) + " must be a finite number >= 1"};
    if (folding == Folding::Pea)
        return Error{"pea is IBM's noise amplification, not folding; the simulator folds global, local or 2q"};
    std::vector<const GateOp*> gates;
    for (const Operation& op : unitary.ops) {
        const auto* g = std::get_if<GateOp>(&op.op);
        if (!g)
            return Error{"folding needs a gate-only circuit (see unitaryPart)"};
        gates.push_back(g);
    }
    std::size_t d = 0;
    for (const GateOp* g : gates)
        d += counted(*g, folding) ? 1 : 0;
    if (d == 0)
        return Error{folding == Folding::TwoQubitOnly ? "the circuit has no two-qubit gate to fold"
                                                      : "the circuit has no gate to fold"};
    const int k = int(std::floor((scale - 1) / 2 + 1e-12));
    const double fraction = (scale - 1) / 2 - k;
    const std::size_t s = std::min(d, std::size_t(std::llround(fraction * double(d))));

    FoldResult r;
    r.circuit = unitary;
    r.circuit.ops.clear();
    if (folding == Folding::Global) {
        auto append = [&](bool inverse, std::size_t from) {
            if (inverse) {
                for (std::size_t i = gates.size(); i-- > from;)
                    r.circuit.ops.push_back(wrap(inverseOf(*gates[i])));
            } else {
                for (std::size_t i = from; i < gates.size(); ++i)
                    r.circuit.ops.push_back(wrap(*gates[i]));
            }
        };
        append(false, 0);
        for (int f = 0; f < k; ++f) {
            append(true, 0);
            append(false, 0);
        }
        if (s > 0) { // the last s counted gates (and whatever uncounted ops sit among them)
            std::size_t from = gates.size(), seen = 0;
            while (from > 0 && seen < s) {
                --from;
                seen += counted(*gates[from], folding) ? 1 : 0;
            }
            append(true, from);
            append(false, from);
        }
        r.realizedScale = double(d * std::size_t(2 * k + 1) + 2 * s) / double(d);
        return r;
    }
    // Local and two-qubit-only: which counted gates get the extra fold.
    std::vector<std::size_t> order(d);
    for (std::size_t i = 0; i < d; ++i)
        order[i] = i;
    if (selection == FoldSelection::FromRight) {
        std::reverse(order.begin(), order.end());
    } else if (selection == FoldSelection::Random) {
        std::mt19937_64 rng(deriveSeed(seed, 0xf01d));
        for (std::size_t i = d; i-- > 1;)
            std::swap(order[i], order[std::size_t(rng() % (i + 1))]);
    }
    std::vector<char> extra(d, 0);
    for (std::size_t i = 0; i < s; ++i)
        extra[order[i]] = 1;
    std::size_t index = 0;
    for (const GateOp* g : gates) {
        r.circuit.ops.push_back(wrap(*g));
        if (!counted(*g, folding))
            continue;
        const int folds = k + (extra[index++] ? 1 : 0);
        for (int f = 0; f < folds; ++f) {
            r.circuit.ops.push_back(wrap(inverseOf(*g)));
            r.circuit.ops.push_back(wrap(*g));
        }
    }
    r.realizedScale = double(d * std::size_t(2 * k + 1) + 2 * s) / double(d);
    return r;
}

namespace {

struct ExpFit {
    double a = 0, b = 0, sse = 0;
};

ExpFit fitAtRate(const std::vector<double>& x, const std::vector<double>& y, double rate)
{
    // Least squares for y ≈ a·e^{−rate·x} + b.
    double s11 = 0, s12 = 0, s22 = 0, t1 = 0, t2 = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double e = std::exp(-rate * x[i]);
        s11 += e * e;
        s12 += e;
        s22 += 1;
        t1 += e * y[i];
        t2 += y[i];
    }
    const double det = s11 * s22 - s12 * s12;
    ExpFit f;
    if (std::abs(det) < 1e-300)
        return ExpFit{0, 0, 1e300};
    f.a = (t1 * s22 - s12 * t2) / det;
    f.b = (s11 * t2 - s12 * t1) / det;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double r = f.a * std::exp(-rate * x[i]) + f.b - y[i];
        f.sse += r * r;
    }
    return f;
}

constexpr double kLogRateMin = -9.21, kLogRateMax = 4.6; // rate in [1e-4, 100]

// Best rate by a log grid and golden-section refinement; nullopt when the optimum is at a bound.
std::optional<std::pair<double, ExpFit>> fitExponential(const std::vector<double>& x, const std::vector<double>& y)
{
    const int grid = 240;
    int best = 0;
    double bestSse = 1e300;
    for (int i = 0; i <= grid; ++i) {
        const double lr = kLogRateMin + (kLogRateMax - kLogRateMin) * i / grid;
        const double sse = fitAtRate(x, y, std::exp(lr)).sse;
        if (sse < bestSse) {
            bestSse = sse;
            best = i;
        }
    }
    if (best == 0 || best == grid)
        return std::nullopt;
    const double step = (kLogRateMax - kLogRateMin) / grid;
    double lo = kLogRateMin + (best - 1) * step, hi = kLogRateMin + (best + 1) * step;
    const double g = (std::sqrt(5.0) - 1) / 2;
    double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
    for (int it = 0; it < 100; ++it) {
        if (fitAtRate(x, y, std::exp(c)).sse < fitAtRate(x, y, std::exp(d)).sse)
            hi = d;
        else
            lo = c;
        c = hi - g * (hi - lo);
        d = lo + g * (hi - lo);
    }
    const double rate = std::exp((lo + hi) / 2);
    return std::make_pair(rate, fitAtRate(x, y, rate));
}

} // namespace

Result<Extrapolation> extrapolate(const std::vector<double>& factors, const std::vector<double>& values,
                                  const std::vector<double>& stdErrors, Extrapolator e, int order)
{
    if (factors.size() != values.size() || (!stdErrors.empty() && stdErrors.size() != values.size()))
        return Error{"extrapolation needs one value (and one standard error) per scale factor"};
    auto sigma = [&](std::size_t i) { return stdErrors.empty() ? 0.0 : stdErrors[i]; };
    Extrapolation out;
    if (e == Extrapolator::Exponential) {
        std::string why;
        if (factors.size() < 3)
            why = "the exponential fit needs at least 3 scale factors";
        std::optional<std::pair<double, ExpFit>> fit;
        if (why.empty()) {
            fit = fitExponential(factors, values);
            if (!fit)
                why = "the exponential fit found no decay rate in [1e-4, 100] (values not decaying)";
        }
        if (why.empty()) {
            out.method = "exponential";
            out.rate = fit->first;
            out.amplitude = fit->second.a;
            out.asymptote = fit->second.b;
            out.estimate = fit->second.a + fit->second.b;
            // Delta method: σ0² = Σ (∂E0/∂E_i)² σ_i², gradient by central differences of the refit.
            double var = 0;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const double h = 1e-5 * std::max(1.0, std::abs(values[i]));
                std::vector<double> up = values, down = values;
                up[i] += h;
                down[i] -= h;
                const auto fu = fitExponential(factors, up), fd = fitExponential(factors, down);
                const double eu = fu ? fu->second.a + fu->second.b : out.estimate;
                const double ed = fd ? fd->second.a + fd->second.b : out.estimate;
                const double grad = (eu - ed) / (2 * h);
                out.weights.push_back(grad);
                var += grad * grad * sigma(i) * sigma(i);
            }
            out.stdError = std::sqrt(var);
            return out;
        }
        out.note = why + "; fell back to linear extrapolation";
        e = Extrapolator::Linear;
    }
    auto w = extrapolationWeights(factors, e, order);
    if (!w)
        return w.error();
    out.weights = w.value().beta;
    double var = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out.estimate += out.weights[i] * values[i];
        var += out.weights[i] * out.weights[i] * sigma(i) * sigma(i);
    }
    out.stdError = std::sqrt(var);
    out.method = e == Extrapolator::Polynomial ? "poly:" + std::to_string(order) : extrapolatorName(e);
    if (!out.note.empty())
        out.method += " (fallback)";
    return out;
}

Result<ZneResult> runZne(const Circuit& logical, const std::string& observable, const ZnePlan& plan,
                         const Backend& backend, FoldSelection selection)
{
    // The basis change belongs to the executed circuit, so it is folded too.
    const Circuit unitary = withBasisChange(logical, observable);
    const std::string pauli = zBasisPauli(observable);
    ZneResult r;
    r.requestedFactors = plan.scaleFactors;
    if (plan.scaleFactors.empty())
        return Error{"ZNE needs at least one scale factor"};
    for (std::size_t i = 0; i < plan.scaleFactors.size(); ++i) {
        auto folded = foldCircuit(unitary, plan.scaleFactors[i], plan.folding, selection, deriveSeed(backend.seed, 100 + i));
        if (!folded)
            return folded.error();
        for (double f : r.factors)
            if (std::abs(f - folded.value().realizedScale) < 1e-12) {
                std::ostringstream s;
                s << "scale factors fold to the same circuit (realised scale " << f
                  << "); the circuit is too short for these factors — use odd integers or fewer factors";
                return Error{s.str()};
            }
        auto m = measurePauli(folded.value().circuit, pauli, backend, 1000 + i);
        if (!m)
            return m.error();
        r.factors.push_back(folded.value().realizedScale);
        r.values.push_back(m.value().value);
        r.stdErrors.push_back(std::sqrt(m.value().variance));
        r.circuits += 1;
        r.shots += m.value().shots;
    }
    auto ex = extrapolate(r.factors, r.values, r.stdErrors, plan.extrapolator, plan.order);
    if (!ex)
        return ex.error();
    r.extrapolation = std::move(ex.value());
    return r;
}

} // namespace qpilot::mitigation
