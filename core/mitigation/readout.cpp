// core/mitigation/readout.cpp — readout calibration on the simulator, confusion inversion
// (full, tensored, subspace) and the projection to the probability simplex.
#include "core/mitigation/readout.h"

#include "core/mitigation/execute.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace qpilot::mitigation {

namespace {

// Solves A x = b (dense, row-major n×n) by Gaussian elimination with partial pivoting.
Result<std::vector<double>> solve(std::vector<double> a, std::vector<double> b, std::size_t n)
{
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t piv = k;
        for (std::size_t i = k + 1; i < n; ++i)
            if (std::abs(a[i * n + k]) > std::abs(a[piv * n + k]))
                piv = i;
        if (std::abs(a[piv * n + k]) < 1e-12)
            return Error{"the readout confusion matrix is singular (a qubit reads 0 and 1 with equal probability); "
                         "it cannot be inverted"};
        if (piv != k) {
            for (std::size_t j = 0; j < n; ++j)
                std::swap(a[k * n + j], a[piv * n + j]);
            std::swap(b[k], b[piv]);
        }
        for (std::size_t i = k + 1; i < n; ++i) {
            const double f = a[i * n + k] / a[k * n + k];
            if (f == 0)
                continue;
            for (std::size_t j = k; j < n; ++j)
                a[i * n + j] -= f * a[k * n + j];
            b[i] -= f * b[k];
        }
    }
    std::vector<double> x(n);
    for (std::size_t k = n; k-- > 0;) {
        double s = b[k];
        for (std::size_t j = k + 1; j < n; ++j)
            s -= a[k * n + j] * x[j];
        x[k] = s / a[k * n + k];
    }
    return x;
}

// Probability of reading bit `r` when qubit j was prepared in `p` (tensored model).
double flipProb(const std::array<double, 2>& f, int prepared, int read)
{
    const double pFlip = prepared ? f[1] : f[0];
    return prepared == read ? 1 - pFlip : pFlip;
}

Circuit preparation(int numQubits, const std::vector<int>& qubits, std::uint64_t prepared, const std::vector<int>& measure)
{
    Circuit c;
    c.addQreg("q", numQubits);
    for (std::size_t j = 0; j < qubits.size(); ++j)
        if ((prepared >> j) & 1u)
            c.gate(GateKind::X, {qubits[j]});
    c.addCreg("c", int(measure.size()));
    for (std::size_t j = 0; j < measure.size(); ++j)
        c.measure(measure[j], int(j));
    return c;
}

} // namespace

std::vector<double> projectToSimplex(const std::vector<double>& v)
{
    if (v.empty())
        return v;
    std::vector<double> u = v;
    std::sort(u.begin(), u.end(), std::greater<double>());
    double cumulative = 0, theta = 0;
    for (std::size_t k = 0; k < u.size(); ++k) {
        cumulative += u[k];
        const double t = (cumulative - 1) / double(k + 1);
        if (u[k] - t > 0)
            theta = t;
    }
    std::vector<double> x(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        x[i] = std::max(v[i] - theta, 0.0);
    return x;
}

double totalVariation(const std::map<std::uint64_t, double>& p, const std::map<std::uint64_t, double>& q)
{
    std::set<std::uint64_t> keys;
    for (const auto& kv : p)
        keys.insert(kv.first);
    for (const auto& kv : q)
        keys.insert(kv.first);
    double s = 0;
    for (std::uint64_t k : keys) {
        const auto a = p.find(k), b = q.find(k);
        s += std::abs((a == p.end() ? 0.0 : a->second) - (b == q.end() ? 0.0 : b->second));
    }
    return s / 2;
}

double hellingerFidelity(const std::map<std::uint64_t, double>& p, const std::map<std::uint64_t, double>& q)
{
    double bc = 0; // Bhattacharyya coefficient: only keys present in both contribute
    for (const auto& [k, a] : p) {
        const auto b = q.find(k);
        if (b != q.end() && a > 0 && b->second > 0)
            bc += std::sqrt(a * b->second);
    }
    return bc * bc;
}

Result<ReadoutCalibration> calibrateReadout(int numQubits, const std::vector<int>& qubits, ReadoutMethod method,
                                            const NoiseModel& noise, int shots, std::uint64_t seed)
{
    if (qubits.empty())
        return Error{"readout calibration needs at least one qubit"};
    std::set<int> seen;
    for (int q : qubits) {
        if (q < 0 || q >= numQubits)
            return Error{"readout calibration: qubit " + std::to_string(q) + " is outside the "
                         + std::to_string(numQubits) + "-qubit register"};
        if (!seen.insert(q).second)
            return Error{"readout calibration: qubit " + std::to_string(q) + " is listed twice"};
    }
    const int n = int(qubits.size());
    ReadoutCalibration cal;
    cal.method = method;
    cal.qubits = qubits;
    const std::int64_t perCircuit = shots > 0 ? shots : 0;
    std::uint64_t stream = 0;
    if (method == ReadoutMethod::Full) {
        if (n > 12)
            return Error{"full readout calibration needs 2^" + std::to_string(n)
                         + " circuits; use tensored or subspace above 12 qubits"};
        const std::size_t dim = std::size_t(1) << n;
        cal.full.assign(dim * dim, 0.0);
        for (std::size_t u = 0; u < dim; ++u) {
            auto d = runDistribution(preparation(numQubits, qubits, u, qubits), &noise, shots, deriveSeed(seed, stream++));
            if (!d)
                return d.error();
            for (const auto& [m, p] : d.value())
                cal.full[m * dim + u] = p;
        }
        cal.circuits = std::int64_t(dim);
    } else if (method == ReadoutMethod::Tensored) {
        cal.flip.assign(std::size_t(n), {0.0, 0.0});
        for (int prepared = 0; prepared < 2; ++prepared) {
            const std::uint64_t all = prepared ? (std::uint64_t(1) << n) - 1 : 0;
            auto d = runDistribution(preparation(numQubits, qubits, all, qubits), &noise, shots, deriveSeed(seed, stream++));
            if (!d)
                return d.error();
            for (const auto& [m, p] : d.value())
                for (int j = 0; j < n; ++j)
                    if (int((m >> j) & 1u) != prepared)
                        cal.flip[std::size_t(j)][std::size_t(prepared)] += p;
        }
        cal.circuits = 2;
    } else { // Subspace: independent per-qubit calibration, 2N circuits of one measured qubit each
        cal.flip.assign(std::size_t(n), {0.0, 0.0});
        for (int j = 0; j < n; ++j)
            for (int prepared = 0; prepared < 2; ++prepared) {
                Circuit c;
                c.addQreg("q", numQubits);
                if (prepared)
                    c.gate(GateKind::X, {qubits[std::size_t(j)]});
                c.addCreg("c", 1);
                c.measure(qubits[std::size_t(j)], 0);
                auto d = runDistribution(c, &noise, shots, deriveSeed(seed, stream++));
                if (!d)
                    return d.error();
                const auto it = d.value().find(prepared ? 0 : 1);
                cal.flip[std::size_t(j)][std::size_t(prepared)] = it == d.value().end() ? 0.0 : it->second;
            }
        cal.circuits = 2 * std::int64_t(n);
    }
    cal.shots = cal.circuits * perCircuit;
    return cal;
}

double readoutFidelity(const ReadoutCalibration& calibration, const std::vector<int>& measured)
{
    double f = 1;
    for (int q : measured) {
        const auto it = std::find(calibration.qubits.begin(), calibration.qubits.end(), q);
        if (it == calibration.qubits.end())
            continue;
        const std::size_t j = std::size_t(it - calibration.qubits.begin());
        if (calibration.method == ReadoutMethod::Full) {
            // Marginal flips of qubit j with the others prepared in 0.
            const std::size_t dim = std::size_t(1) << calibration.qubits.size();
            double p10 = 0, p01 = 0;
            for (std::size_t m = 0; m < dim; ++m) {
                if ((m >> j) & 1u)
                    p10 += calibration.full[m * dim + 0];
                else
                    p01 += calibration.full[m * dim + (std::size_t(1) << j)];
            }
            f *= 1 - p10 - p01;
        } else {
            f *= 1 - calibration.flip[j][0] - calibration.flip[j][1];
        }
    }
    return f;
}

Result<std::map<std::uint64_t, double>> correctDistribution(const ReadoutCalibration& calibration,
                                                            const std::vector<int>& measured,
                                                            const std::map<std::uint64_t, double>& observed,
                                                            bool project)
{
    std::vector<std::size_t> local; // measured[j] -> index into calibration.qubits
    for (int q : measured) {
        const auto it = std::find(calibration.qubits.begin(), calibration.qubits.end(), q);
        if (it == calibration.qubits.end())
            return Error{"readout correction: qubit " + std::to_string(q) + " was not calibrated"};
        local.push_back(std::size_t(it - calibration.qubits.begin()));
    }
    const int m = int(measured.size());
    std::map<std::uint64_t, double> out;
    if (calibration.method == ReadoutMethod::Subspace) {
        std::vector<std::uint64_t> keys;
        std::vector<double> p;
        for (const auto& [k, v] : observed)
            if (v > 0) {
                keys.push_back(k);
                p.push_back(v);
            }
        const std::size_t s = keys.size();
        if (s > 4096)
            return Error{"subspace readout correction over " + std::to_string(s)
                         + " observed bitstrings is too large (limit 4096)"};
        std::vector<double> a(s * s);
        for (std::size_t c = 0; c < s; ++c) {
            double colSum = 0;
            for (std::size_t r = 0; r < s; ++r) {
                double v = 1;
                for (int j = 0; j < m; ++j)
                    v *= flipProb(calibration.flip[local[std::size_t(j)]], int((keys[c] >> j) & 1u),
                                  int((keys[r] >> j) & 1u));
                a[r * s + c] = v;
                colSum += v;
            }
            for (std::size_t r = 0; r < s; ++r) // M3 renormalises the columns within the subspace
                a[r * s + c] /= colSum;
        }
        auto x = solve(std::move(a), std::move(p), s);
        if (!x)
            return x.error();
        const std::vector<double> proj = project ? projectToSimplex(x.value()) : x.value();
        for (std::size_t i = 0; i < s; ++i)
            if (proj[i] != 0)
                out[keys[i]] = proj[i];
        return out;
    }
    if (m > 20)
        return Error{"readout correction over " + std::to_string(m)
                     + " qubits needs the subspace method (the full vector has 2^m entries)"};
    const std::size_t dim = std::size_t(1) << m;
    std::vector<double> p(dim, 0.0);
    for (const auto& [k, v] : observed)
        if (k < dim)
            p[k] += v;
    std::vector<double> x;
    if (calibration.method == ReadoutMethod::Full) {
        // Marginal confusion over the measured qubits, the other calibrated qubits prepared in 0.
        const std::size_t full = std::size_t(1) << calibration.qubits.size();
        std::vector<double> a(dim * dim, 0.0);
        for (std::size_t u = 0; u < dim; ++u) {
            std::size_t prep = 0;
            for (int j = 0; j < m; ++j)
                if ((u >> j) & 1u)
                    prep |= std::size_t(1) << local[std::size_t(j)];
            for (std::size_t r = 0; r < full; ++r) {
                std::size_t read = 0;
                for (int j = 0; j < m; ++j)
                    if ((r >> local[std::size_t(j)]) & 1u)
                        read |= std::size_t(1) << j;
                a[read * dim + u] += calibration.full[r * full + prep];
            }
        }
        auto solved = solve(std::move(a), std::move(p), dim);
        if (!solved)
            return solved.error();
        x = std::move(solved.value());
    } else { // Tensored: apply each qubit's inverse 2×2
        x = std::move(p);
        for (int j = 0; j < m; ++j) {
            const auto& f = calibration.flip[local[std::size_t(j)]];
            const double a00 = 1 - f[0], a01 = f[1], a10 = f[0], a11 = 1 - f[1];
            const double det = a00 * a11 - a01 * a10;
            if (std::abs(det) < 1e-12)
                return Error{"the readout confusion matrix of qubit " + std::to_string(measured[std::size_t(j)])
                             + " is singular; it cannot be inverted"};
            const std::size_t bit = std::size_t(1) << j;
            for (std::size_t i = 0; i < dim; ++i)
                if (!(i & bit)) {
                    const double r0 = x[i], r1 = x[i | bit];
                    x[i] = (a11 * r0 - a01 * r1) / det;
                    x[i | bit] = (-a10 * r0 + a00 * r1) / det;
                }
        }
    }
    const std::vector<double> proj = project ? projectToSimplex(x) : x;
    for (std::size_t i = 0; i < dim; ++i)
        if (proj[i] != 0)
            out[i] = proj[i];
    return out;
}

Result<ReadoutResult> runReadoutMitigation(const Circuit& unitary, const NoiseModel& noise, ReadoutMethod method,
                                           int shots, int calibrationShots, std::uint64_t seed)
{
    ReadoutResult r;
    const int n = unitary.numQubits();
    for (int q = 0; q < n; ++q)
        r.measured.push_back(q);
    Circuit measuredCircuit = unitary;
    measuredCircuit.addCreg("c", n);
    for (int q = 0; q < n; ++q)
        measuredCircuit.measure(q, q);
    auto ideal = runDistribution(measuredCircuit, nullptr, 0, 0);
    if (!ideal)
        return ideal.error();
    auto noisy = runDistribution(measuredCircuit, &noise, shots, deriveSeed(seed, 1));
    if (!noisy)
        return noisy.error();
    auto cal = calibrateReadout(n, r.measured, method, noise, calibrationShots, deriveSeed(seed, 2));
    if (!cal)
        return cal.error();
    auto mitigated = correctDistribution(cal.value(), r.measured, noisy.value());
    if (!mitigated)
        return mitigated.error();
    r.ideal = std::move(ideal.value());
    r.noisy = std::move(noisy.value());
    r.mitigated = std::move(mitigated.value());
    r.calibration = std::move(cal.value());
    r.tvdBefore = totalVariation(r.noisy, r.ideal);
    r.tvdAfter = totalVariation(r.mitigated, r.ideal);
    r.circuits = 1;
    r.shots = std::max(shots, 0);
    return r;
}

} // namespace qpilot::mitigation
