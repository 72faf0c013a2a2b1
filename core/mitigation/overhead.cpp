// core/mitigation/overhead.cpp — overhead accounting of mitigation plans (see overhead.h):
// plan parsing, ZNE extrapolation weights, PEC γ from depolarizing noise, circuit figures of a
// transpiled circuit, and the per-technique and combined overhead. Sources: reference §1, §7.
#include "core/mitigation/overhead.h"

#include "core/circuit/gates.h"
#include "core/device/device.h"
#include "core/transpile/transpile.h"
#include "core/transpile/transpile_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

namespace qpilot::mitigation {

namespace {

std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string trim(std::string s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.erase(s.begin());
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    return s;
}

std::int64_t ceilTo64(double v)
{
    return static_cast<std::int64_t>(std::ceil(v - 1e-9));
}

// Solves the small dense system a·x = b (Gaussian elimination, partial pivoting).
bool solve(std::vector<std::vector<double>> a, std::vector<double>& b)
{
    const size_t n = b.size();
    for (size_t c = 0; c < n; ++c) {
        size_t p = c;
        for (size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c]))
                p = r;
        if (std::abs(a[p][c]) < 1e-12)
            return false;
        std::swap(a[p], a[c]);
        std::swap(b[p], b[c]);
        for (size_t r = 0; r < n; ++r) {
            if (r == c)
                continue;
            const double f = a[r][c] / a[c][c];
            for (size_t k = c; k < n; ++k)
                a[r][k] -= f * a[c][k];
            b[r] -= f * b[c];
        }
    }
    for (size_t i = 0; i < n; ++i)
        b[i] /= a[i][i];
    return true;
}

// Twirling randomizations for `shots` shots: shots per randomization = max(64, ⌈S/32⌉),
// R = ⌈S / that⌉ (Qiskit's auto rule [S2]).
int autoRandomizations(std::int64_t shots)
{
    const std::int64_t perRand = std::max<std::int64_t>(64, (shots + 31) / 32);
    return int((shots + perRand - 1) / perRand);
}

} // namespace

const char* extrapolatorName(Extrapolator e)
{
    switch (e) {
    case Extrapolator::Linear: return "linear";
    case Extrapolator::Polynomial: return "polynomial";
    case Extrapolator::Richardson: return "richardson";
    case Extrapolator::Exponential: return "exponential";
    }
    return "?";
}

const char* foldingName(Folding f)
{
    switch (f) {
    case Folding::Global: return "global";
    case Folding::Local: return "local";
    case Folding::TwoQubitOnly: return "2q";
    case Folding::Pea: return "pea";
    }
    return "?";
}

Result<std::pair<Extrapolator, int>> parseExtrapolator(const std::string& text)
{
    if (text == "linear")
        return std::make_pair(Extrapolator::Linear, 1);
    if (text == "richardson")
        return std::make_pair(Extrapolator::Richardson, 0);
    if (text == "exponential")
        return std::make_pair(Extrapolator::Exponential, 1);
    if (text.rfind("poly:", 0) == 0) {
        const std::string m = text.substr(5);
        char* end = nullptr;
        const long order = std::strtol(m.c_str(), &end, 10);
        if (!m.empty() && end && *end == '\0' && order >= 1 && order <= 10)
            return std::make_pair(Extrapolator::Polynomial, int(order));
        return Error{"extrapolator '" + text + "': the polynomial order must be a whole number from 1 to 10"};
    }
    return Error{"unknown extrapolator '" + text + "' (expected richardson, linear, exponential or poly:M)"};
}

Result<MitigationPlan> parsePlan(const std::string& list)
{
    MitigationPlan plan;
    std::stringstream in(list);
    std::string item;
    int items = 0;
    bool none = false;
    while (std::getline(in, item, ',')) {
        item = trim(item);
        ++items;
        if (item == "none")
            none = true;
        else if (item == "rem" || item == "rem:tensored")
            plan.readout = ReadoutPlan{ReadoutMethod::Tensored};
        else if (item == "rem:full")
            plan.readout = ReadoutPlan{ReadoutMethod::Full};
        else if (item == "rem:subspace" || item == "rem:m3")
            plan.readout = ReadoutPlan{ReadoutMethod::Subspace};
        else if (item == "trex")
            plan.trex = TrexPlan{};
        else if (item == "zne")
            plan.zne = ZnePlan{};
        else if (item == "pec")
            plan.pec = PecPlan{};
        else if (item == "twirl")
            plan.twirl = TwirlPlan{};
        else if (item == "dd" || item == "dd:xx")
            plan.dd = DDSequence::XX;
        else if (item == "dd:xy4")
            plan.dd = DDSequence::XY4;
        else
            return Error{"unknown mitigation '" + item
                         + "' (expected none, rem, rem:full, rem:tensored, rem:subspace, trex, zne, pec, twirl, dd, "
                           "dd:xx, dd:xy4 or a comma-separated list)"};
    }
    if (items == 0)
        return Error{"empty mitigation list (use 'none')"};
    if (none && !plan.empty())
        return Error{"mitigation 'none' cannot be combined with other techniques"};
    return plan;
}

std::string describePlan(const MitigationPlan& plan)
{
    std::vector<std::string> parts;
    if (plan.readout)
        parts.push_back(std::string("rem(") + (plan.readout->method == ReadoutMethod::Full ? "full"
                                               : plan.readout->method == ReadoutMethod::Tensored ? "tensored"
                                                                                                  : "subspace")
                        + ")");
    if (plan.trex)
        parts.push_back("trex");
    if (plan.twirl)
        parts.push_back("twirl");
    if (plan.dd)
        parts.push_back(*plan.dd == DDSequence::XX ? "dd(XX)" : "dd(XY4)");
    if (plan.zne) {
        std::string f;
        for (double l : plan.zne->scaleFactors)
            f += (f.empty() ? "" : ",") + num(l);
        std::string e = extrapolatorName(plan.zne->extrapolator);
        if (plan.zne->extrapolator == Extrapolator::Polynomial)
            e = "poly:" + std::to_string(plan.zne->order);
        parts.push_back("zne(" + e + " " + f + "; " + foldingName(plan.zne->folding) + " folding)");
    }
    if (plan.pec)
        parts.push_back("pec(cap " + num(plan.pec->maxOverhead) + ")");
    if (parts.empty())
        return "none";
    std::string s;
    for (const std::string& p : parts)
        s += (s.empty() ? "" : " + ") + p;
    return s;
}

Result<ZneWeights> extrapolationWeights(const std::vector<double>& factors, Extrapolator e, int order)
{
    const size_t k = factors.size();
    for (size_t i = 0; i < k; ++i) {
        if (!std::isfinite(factors[i]) || factors[i] < 1)
            return Error{"ZNE scale factor " + num(factors[i]) + " is invalid: factors must be >= 1"};
        for (size_t j = 0; j < i; ++j)
            if (std::abs(factors[i] - factors[j]) < 1e-12)
                return Error{"ZNE scale factor " + num(factors[i]) + " is repeated: factors must be distinct"};
    }
    const int m = e == Extrapolator::Richardson ? int(k) - 1
                  : e == Extrapolator::Polynomial ? order
                                                  : 1; // linear; exponential = linear fit of log E
    if (m < 1 || int(k) < m + 1)
        return Error{"ZNE with the " + std::string(extrapolatorName(e)) + " extrapolator of order "
                     + std::to_string(std::max(m, 1)) + " needs at least " + std::to_string(std::max(m, 1) + 1)
                     + " distinct scale factors (got " + std::to_string(k) + ")"};
    ZneWeights w;
    w.beta.assign(k, 0.0);
    if (e == Extrapolator::Richardson) {
        for (size_t i = 0; i < k; ++i) {
            double b = 1;
            for (size_t j = 0; j < k; ++j)
                if (j != i)
                    b *= factors[j] / (factors[j] - factors[i]);
            w.beta[i] = b;
        }
    } else {
        // β = e_0ᵀ (VᵀV)⁻¹ Vᵀ: solve (VᵀV) c = e_0, then β_i = Σ_j V_ij c_j.
        const size_t n = size_t(m) + 1;
        std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
        for (size_t r = 0; r < n; ++r)
            for (size_t c = 0; c < n; ++c)
                for (size_t i = 0; i < k; ++i)
                    a[r][c] += std::pow(factors[i], double(r + c));
        std::vector<double> c(n, 0.0);
        c[0] = 1;
        if (!solve(a, c))
            return Error{"ZNE scale factors give a singular least-squares fit"};
        for (size_t i = 0; i < k; ++i)
            for (size_t j = 0; j < n; ++j)
                w.beta[i] += std::pow(factors[i], double(j)) * c[j];
    }
    for (double b : w.beta) {
        w.sumAbs += std::abs(b);
        w.sumSquares += b * b;
    }
    return w;
}

double processInfidelity(double r, int qubits)
{
    const double d = double(1 << qubits);
    return r * (d + 1) / d;
}

Result<double> gammaOneQubit(double p)
{
    if (!std::isfinite(p) || p < 0 || p >= 0.75)
        return Error{"1q depolarizing strength p = " + num(p) + " has no quasi-probability inverse (need 0 <= p < 3/4)"};
    return 1 + 2 * p / (1 - 4 * p / 3);
}

Result<double> gammaTwoQubit(double p)
{
    if (!std::isfinite(p) || p < 0 || p >= 15.0 / 16.0)
        return Error{"2q depolarizing strength p = " + num(p) + " has no quasi-probability inverse (need 0 <= p < 15/16)"};
    return 1 + 2 * p / (1 - 16 * p / 15);
}

Result<double> totalGamma(const CircuitFigures& f, double errorScale)
{
    if (f.totalGamma && errorScale == 1.0)
        return *f.totalGamma;
    if (f.totalGamma) // scale γ through its log (γ ≈ exp(2 Σ e_F), reference §1.3 rule of thumb)
        return std::exp(std::log(*f.totalGamma) * errorScale);
    double logGamma = 0;
    auto add = [&](double r, int qubits) -> std::optional<Error> {
        const double p = processInfidelity(r * errorScale, qubits);
        auto g = qubits == 1 ? gammaOneQubit(p) : gammaTwoQubit(p);
        if (!g)
            return g.error();
        logGamma += std::log(g.value());
        return std::nullopt;
    };
    const bool per1 = !f.errors1q.empty() || f.oneQubitGates == 0;
    const bool per2 = !f.errors2q.empty() || f.twoQubitGates == 0;
    if ((!per1 && !f.error1q) || (!per2 && !f.error2q))
        return Error{"PEC needs the gate errors of the device (or a total gamma); the profile lacks "
                     + std::string(!per1 && !f.error1q ? "the 1q" : "the 2q") + " gate error"};
    if (per1) {
        for (double r : f.errors1q)
            if (auto e = add(r, 1))
                return *e;
    } else if (auto e = add(*f.error1q, 1)) {
        return *e;
    } else {
        logGamma *= f.oneQubitGates; // only the 1q term is in logGamma so far
    }
    if (per2) {
        for (double r : f.errors2q)
            if (auto e = add(r, 2))
                return *e;
    } else {
        auto g = gammaTwoQubit(processInfidelity(*f.error2q * errorScale, 2));
        if (!g)
            return g.error();
        logGamma += f.twoQubitGates * std::log(g.value());
    }
    return std::exp(logGamma);
}

CircuitFigures figuresOf(const TranspileResult& t, const DeviceProfile& device)
{
    CircuitFigures f;
    const TranspileMetrics& m = t.metrics;
    f.twoQubitGates = m.twoQubitCount;
    f.twoQubitDepth = m.twoQubitDepth;
    f.duration = m.duration;
    f.successProbability = m.successProbability;
    f.twoQubitTime = device.gateTime2q;
    f.readoutTime = device.readoutTime;
    f.error1q = device.gateError1q;
    f.error2q = device.gateError2q;
    bool all1 = true, all2 = true;
    std::vector<int> measured;
    for (const Operation& o : t.circuit.ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op)) {
            if (isVirtualGate(g->kind) || g->qubits.empty() || g->qubits.size() > 2)
                continue;
            const auto r = gateError(device, gateInfo(g->kind).name, g->qubits);
            if (g->qubits.size() == 1) {
                ++f.oneQubitGates;
                r ? f.errors1q.push_back(*r) : void(all1 = false);
            } else {
                r ? f.errors2q.push_back(*r) : void(all2 = false);
            }
        } else if (const auto* me = std::get_if<MeasureOp>(&o.op)) {
            if (std::find(measured.begin(), measured.end(), me->qubit) == measured.end())
                measured.push_back(me->qubit);
        }
    }
    if (!all1)
        f.errors1q.clear();
    if (!all2)
        f.errors2q.clear();
    f.measuredQubits = int(measured.size());
    for (int q : measured) {
        const QubitCalibration c = qubitCalibration(device, q);
        if (c.readoutP0Given1 && c.readoutP1Given0)
            f.readoutErrors.push_back((*c.readoutP0Given1 + *c.readoutP1Given0) / 2);
        else if (device.readoutError)
            f.readoutErrors.push_back(*device.readoutError);
    }
    if (f.readoutErrors.size() != measured.size())
        f.readoutErrors.clear();
    return f;
}

Result<Overhead> overheadFor(const MitigationPlan& plan, const CircuitFigures& f, std::int64_t shots)
{
    if (shots < 1)
        return Error{"shots must be at least 1 (got " + std::to_string(shots) + ")"};
    Overhead o;
    o.meanDuration = f.duration;
    double multiplier = 1;

    // Readout (TREX or confusion-matrix inversion): variance × 1/f², f = Π(1 − 2p_q) (derived, §1.1).
    if (plan.readout || plan.trex) {
        if (!f.readoutErrors.empty()) {
            double fid = 1;
            for (double p : f.readoutErrors)
                fid *= 1 - 2 * p;
            if (fid <= 0)
                return Error{"readout errors of 50 % or more cannot be inverted"};
            o.readoutFidelity = fid;
            multiplier *= 1 / (fid * fid);
            o.notes.push_back("readout mitigation removes the readout bias of a full-weight observable (factor f = "
                              + num(fid) + "); its variance grows by 1/f^2 = " + num(1 / (fid * fid)) + " [derived, S1,S5]");
        } else {
            o.notes.push_back("readout errors unknown: readout-mitigation variance factor taken as 1");
        }
    }
    if (plan.readout) {
        const int n = f.measuredQubits;
        std::int64_t circuits = 0;
        switch (plan.readout->method) {
        case ReadoutMethod::Full:
            if (n > 20)
                return Error{"full readout calibration needs 2^" + std::to_string(n)
                             + " circuits; use rem:tensored or rem:subspace above 20 measured qubits"};
            circuits = std::int64_t(1) << n;
            break;
        case ReadoutMethod::Tensored: circuits = 2; break;
        case ReadoutMethod::Subspace: circuits = 2 * std::int64_t(std::max(n, 1)); break;
        }
        o.calibrationCircuits += circuits;
        o.calibrationShots += circuits * plan.readout->calibrationShots;
    }
    if (plan.trex) {
        const std::int64_t per = plan.trex->shotsPerRandomization.value_or(shots);
        o.calibrationCircuits += plan.trex->randomizations;
        o.calibrationShots += std::int64_t(plan.trex->randomizations) * per;
    }

    // Layer noise learning, for PEC and for ZNE with PEA amplification [S2].
    const bool learns = plan.pec || (plan.zne && plan.zne->folding == Folding::Pea);
    if (learns) {
        const LearningPlan& l = plan.learning;
        const int layers = l.layers.value_or(std::min(std::max(f.twoQubitDepth, 1), 4));
        const std::int64_t circuits = std::int64_t(layers) * l.bases * l.depths * l.randomizations;
        o.calibrationCircuits += circuits;
        o.calibrationShots += circuits * l.shotsPerRandomization;
        o.notes.push_back("layer noise learning: " + std::to_string(layers) + " layer(s) x "
                          + std::to_string(l.bases * l.depths * l.randomizations * l.shotsPerRandomization)
                          + " shots (9 bases x 6 depths x 32 randomizations x 128 shots) [S2]");
    }

    // ZNE.
    if (plan.zne) {
        const ZnePlan& z = *plan.zne;
        auto w = extrapolationWeights(z.scaleFactors, z.extrapolator, z.order);
        if (!w)
            return w.error();
        ZneWeights weights = w.value();
        o.noiseFactors = int(z.scaleFactors.size());
        std::vector<double> eff = weights.beta;
        if (z.extrapolator == Extrapolator::Exponential) {
            // E(λ) ≈ E0·F^λ: δE0 = Σ β_i (E0/E_i) δE_i, so weights grow by F^(−λ_i) (derived).
            const double F = f.successProbability.value_or(1.0);
            for (size_t i = 0; i < eff.size(); ++i)
                eff[i] *= std::pow(F, -z.scaleFactors[i]);
            if (!f.successProbability)
                o.notes.push_back("exponential ZNE: circuit fidelity unknown, variance from the linear weights (a lower bound)");
        }
        double sumAbs = 0, sumSq = 0;
        for (double b : eff) {
            sumAbs += std::abs(b);
            sumSq += b * b;
        }
        multiplier *= z.allocation == Allocation::Optimal ? sumAbs * sumAbs : double(eff.size()) * sumSq;
        o.zne = weights;
        const double sumL = std::accumulate(z.scaleFactors.begin(), z.scaleFactors.end(), 0.0);
        if (z.folding != Folding::Pea) {
            o.depthMultiplier = *std::max_element(z.scaleFactors.begin(), z.scaleFactors.end());
            o.meanDepthMultiplier = sumL / double(z.scaleFactors.size());
            o.foldingShare = 1 - 1 / sumL;
            if (f.duration) {
                double foldable = 0;
                if (z.folding == Folding::TwoQubitOnly)
                    foldable = f.twoQubitTime ? f.twoQubitDepth * *f.twoQubitTime : *f.duration;
                else
                    foldable = std::max(0.0, *f.duration - f.readoutTime.value_or(0.0));
                foldable = std::min(foldable, *f.duration);
                o.meanDuration = *f.duration + (o.meanDepthMultiplier - 1) * foldable;
            }
        }
        o.notes.push_back("ZNE is biased (not guaranteed unbiased [S5]); reported error reductions: ~2-3x on hardware, "
                          "~14x on an emulator at 5-9 qubits [S27]");
    }

    // PEC.
    if (plan.pec) {
        auto g = totalGamma(f);
        if (!g)
            return g.error();
        o.gamma = g.value();
        o.gammaSquared = g.value() * g.value();
        if (*o.gammaSquared > plan.pec->maxOverhead)
            return Error{"PEC sampling overhead gamma^2 = " + num(*o.gammaSquared) + " exceeds the cap "
                         + num(plan.pec->maxOverhead) + " (raise the cap, shorten the circuit or use ZNE)"};
        multiplier *= *o.gammaSquared;
        o.notes.push_back("PEC is unbiased when the learned noise model is faithful; model ambiguities leave residual bias [S4]");
    }

    // Random instances per noise factor: twirling splits the shots; PEC samples its instances
    // with the same shots-per-instance rule over its γ²-scaled shots.
    if (plan.twirl)
        o.instancesPerCircuit = plan.twirl->randomizations.value_or(autoRandomizations(shots));
    if (plan.pec)
        o.instancesPerCircuit = std::max(o.instancesPerCircuit,
                                         autoRandomizations(ceilTo64(double(shots) * *o.gammaSquared)));
    if (plan.twirl)
        o.notes.push_back("twirling turns coherent errors into Pauli noise (no extra shots; shots are split over "
                          + std::to_string(o.instancesPerCircuit) + " randomizations) [S2,S5]");
    if (plan.dd)
        o.notes.push_back("dynamical decoupling adds no circuits or shots; it only helps where qubits idle [S1,S5]");

    o.circuits = o.noiseFactors * o.instancesPerCircuit;
    o.shotMultiplier = multiplier;
    o.executionsConfigured = shots * o.noiseFactors;
    o.executionsEqualPrecision = ceilTo64(double(shots) * multiplier);
    return o;
}

} // namespace qpilot::mitigation
