// core/ml/generators.cpp — the seeded synthetic datasets (moons, circles, parity, ad hoc) and
// the "NAME:key=value" generator specs.
#include "core/ml/generators.h"

#include "core/ml/random.h"

#include <Eigen/Dense>

#include <QString>
#include <QStringList>

#include <cmath>
#include <map>

namespace qpilot::ml {

namespace {

constexpr double kPi = 3.14159265358979323846;

Dataset makeDataset(std::string name, std::string source, int features, std::vector<std::string> classNames)
{
    Dataset ds;
    ds.name = std::move(name);
    ds.source = std::move(source);
    for (int f = 0; f < features; ++f)
        ds.featureNames.push_back("x" + std::to_string(f));
    ds.classNames = std::move(classNames);
    ds.samples.features = features;
    ds.samples.classes = static_cast<int>(ds.classNames.size());
    return ds;
}

void addRow(Dataset& ds, std::initializer_list<double> values, int label)
{
    ds.samples.x.insert(ds.samples.x.end(), values);
    ds.samples.y.push_back(label);
    ++ds.samples.rows;
}

std::string fmt(double v)
{
    return QString::number(v, 'g', 6).toStdString();
}

Error checkRows(int rows, int minimum)
{
    return Error("rows must be at least " + std::to_string(minimum) + " (got " + std::to_string(rows) + ")");
}

} // namespace

Result<Dataset> makeMoons(int rows, double noise, std::uint64_t seed)
{
    if (rows < 4)
        return checkRows(rows, 4);
    if (!(noise >= 0))
        return Error("noise must be ≥ 0");
    Dataset ds = makeDataset("moons", "generated: moons rows=" + std::to_string(rows) + " noise=" + fmt(noise), 2, {"0", "1"});
    Rng rng(seed, StreamGenerator);
    const int outer = rows - rows / 2;
    for (int i = 0; i < rows; ++i) {
        const int label = i < outer ? 0 : 1;
        const double t = rng.uniform(0, kPi);
        double x = label == 0 ? std::cos(t) : 1 - std::cos(t);
        double y = label == 0 ? std::sin(t) : 0.5 - std::sin(t);
        x += noise * rng.normal();
        y += noise * rng.normal();
        addRow(ds, {x, y}, label);
    }
    refreshFingerprint(ds);
    return ds;
}

Result<Dataset> makeCircles(int rows, double noise, double factor, std::uint64_t seed)
{
    if (rows < 4)
        return checkRows(rows, 4);
    if (!(noise >= 0))
        return Error("noise must be ≥ 0");
    if (!(factor > 0 && factor < 1))
        return Error("factor must be in (0, 1) (radius of the inner circle)");
    Dataset ds = makeDataset("circles", "generated: circles rows=" + std::to_string(rows) + " noise=" + fmt(noise) + " factor=" + fmt(factor),
                             2, {"0", "1"});
    Rng rng(seed, StreamGenerator);
    const int outer = rows - rows / 2;
    for (int i = 0; i < rows; ++i) {
        const int label = i < outer ? 0 : 1;
        const double r = label == 0 ? 1.0 : factor;
        const double t = rng.uniform(0, 2 * kPi);
        addRow(ds, {r * std::cos(t) + noise * rng.normal(), r * std::sin(t) + noise * rng.normal()}, label);
    }
    refreshFingerprint(ds);
    return ds;
}

Result<Dataset> makeParity(int rows, int bits, double noise, std::uint64_t seed)
{
    if (rows < 4)
        return checkRows(rows, 4);
    if (bits < 2 || bits > 16)
        return Error("bits must be in 2..16 (got " + std::to_string(bits) + ")");
    if (!(noise >= 0))
        return Error("noise must be ≥ 0");
    Dataset ds = makeDataset(bits == 2 ? "xor" : "parity",
                             "generated: parity rows=" + std::to_string(rows) + " bits=" + std::to_string(bits) + " noise=" + fmt(noise),
                             bits, {"0", "1"});
    Rng rng(seed, StreamGenerator);
    for (int i = 0; i < rows; ++i) {
        const int label = i % 2;
        int parity = 0;
        std::vector<int> b(static_cast<std::size_t>(bits));
        for (int k = 0; k + 1 < bits; ++k) {
            b[static_cast<std::size_t>(k)] = static_cast<int>(rng.below(2));
            parity ^= b[static_cast<std::size_t>(k)];
        }
        b.back() = parity ^ label; // uniform over the bit strings of this parity
        for (int k = 0; k < bits; ++k)
            ds.samples.x.push_back((b[static_cast<std::size_t>(k)] ? 1.0 : -1.0) + noise * rng.normal());
        ds.samples.y.push_back(label);
        ++ds.samples.rows;
    }
    refreshFingerprint(ds);
    return ds;
}

std::vector<std::complex<double>> adHocUnitary(int qubits, std::uint64_t seed)
{
    // Haar-random unitary: QR of a complex Ginibre matrix, with R's diagonal phases removed
    // (Mezzadri, Notices AMS 54, 592 (2007)).
    const int dim = 1 << qubits;
    Rng rng(seed, StreamAdHocUnitary);
    Eigen::MatrixXcd g(dim, dim);
    for (int c = 0; c < dim; ++c)
        for (int r = 0; r < dim; ++r) {
            const double re = rng.normal();
            const double im = rng.normal();
            g(r, c) = std::complex<double>(re, im) / std::sqrt(2.0);
        }
    Eigen::HouseholderQR<Eigen::MatrixXcd> qr(g);
    Eigen::MatrixXcd q = qr.householderQ();
    const Eigen::MatrixXcd rMat = qr.matrixQR().triangularView<Eigen::Upper>();
    for (int c = 0; c < dim; ++c) {
        const std::complex<double> d = rMat(c, c);
        const double a = std::abs(d);
        if (a > 0)
            q.col(c) *= d / a;
    }
    std::vector<std::complex<double>> out(static_cast<std::size_t>(dim) * static_cast<std::size_t>(dim));
    for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c)
            out[static_cast<std::size_t>(r * dim + c)] = q(r, c);
    return out;
}

double adHocParityExpectation(const std::vector<double>& x, const std::vector<std::complex<double>>& v)
{
    const int n = static_cast<int>(x.size());
    const int dim = 1 << n;
    // Diagonal phase of U(x) on basis state b (qubit i ↔ bit i, Z eigenvalue 1 − 2·bit).
    std::vector<std::complex<double>> phase(static_cast<std::size_t>(dim));
    for (int b = 0; b < dim; ++b) {
        double phi = 0;
        for (int i = 0; i < n; ++i) {
            const double zi = (b >> i) & 1 ? -1.0 : 1.0;
            phi += x[static_cast<std::size_t>(i)] * zi;
            for (int j = i + 1; j < n; ++j) {
                const double zj = (b >> j) & 1 ? -1.0 : 1.0;
                phi += (kPi - x[static_cast<std::size_t>(i)]) * (kPi - x[static_cast<std::size_t>(j)]) * zi * zj;
            }
        }
        phase[static_cast<std::size_t>(b)] = std::polar(1.0, phi);
    }
    // H⊗n|0⟩ is uniform; then U, H⊗n (fast Walsh–Hadamard), U.
    const double amp = 1.0 / std::sqrt(static_cast<double>(dim));
    std::vector<std::complex<double>> psi(static_cast<std::size_t>(dim));
    for (int b = 0; b < dim; ++b)
        psi[static_cast<std::size_t>(b)] = amp * phase[static_cast<std::size_t>(b)];
    for (int h = 1; h < dim; h <<= 1)
        for (int b = 0; b < dim; b += 2 * h)
            for (int k = b; k < b + h; ++k) {
                const auto a0 = psi[static_cast<std::size_t>(k)];
                const auto a1 = psi[static_cast<std::size_t>(k + h)];
                psi[static_cast<std::size_t>(k)] = (a0 + a1) / std::sqrt(2.0);
                psi[static_cast<std::size_t>(k + h)] = (a0 - a1) / std::sqrt(2.0);
            }
    for (int b = 0; b < dim; ++b)
        psi[static_cast<std::size_t>(b)] *= phase[static_cast<std::size_t>(b)];
    // ⟨ψ|V† P V|ψ⟩ = Σ_b parity(b) |(Vψ)_b|².
    double value = 0;
    for (int r = 0; r < dim; ++r) {
        std::complex<double> acc = 0;
        for (int c = 0; c < dim; ++c)
            acc += v[static_cast<std::size_t>(r * dim + c)] * psi[static_cast<std::size_t>(c)];
        const double sign = __builtin_popcount(static_cast<unsigned>(r)) % 2 ? -1.0 : 1.0;
        value += sign * std::norm(acc);
    }
    return value;
}

Result<Dataset> makeAdHoc(int rows, int qubits, double gap, std::uint64_t seed)
{
    if (rows < 4)
        return checkRows(rows, 4);
    if (qubits < 2 || qubits > 8)
        return Error("qubits must be in 2..8 (got " + std::to_string(qubits) + ")");
    if (!(gap >= 0 && gap < 1))
        return Error("gap must be in [0, 1) (got " + fmt(gap) + ")");
    Dataset ds = makeDataset("adhoc",
                             "generated: ad hoc (Havlicek et al., Nature 567, 209 (2019)) rows=" + std::to_string(rows)
                                 + " qubits=" + std::to_string(qubits) + " gap=" + fmt(gap),
                             qubits, {"+1", "-1"});
    const auto v = adHocUnitary(qubits, seed);
    Rng rng(seed, StreamGenerator);
    const int want[2] = {rows - rows / 2, rows / 2};
    int have[2] = {0, 0};
    std::vector<std::vector<double>> byClass[2];
    const long long maxDraws = 2000000LL + 1000LL * rows;
    for (long long draw = 0; (have[0] < want[0] || have[1] < want[1]); ++draw) {
        if (draw >= maxDraws)
            return Error("the ad hoc construction found too few points with |f(x)| ≥ gap " + fmt(gap)
                         + " for this seed; choose a smaller gap");
        std::vector<double> x(static_cast<std::size_t>(qubits));
        for (double& xi : x)
            xi = rng.uniform(0, 2 * kPi);
        const double f = adHocParityExpectation(x, v);
        const int label = f >= gap ? 0 : f <= -gap ? 1 : -1;
        if (label < 0 || have[label] >= want[label])
            continue;
        byClass[label].push_back(std::move(x));
        ++have[label];
    }
    // Interleave the classes (0, 1, 0, 1, ...) so any prefix is balanced.
    std::size_t next[2] = {0, 0};
    for (int i = 0; i < rows; ++i) {
        int label = i % 2;
        if (next[label] >= byClass[label].size())
            label = 1 - label;
        const auto& x = byClass[label][next[label]++];
        ds.samples.x.insert(ds.samples.x.end(), x.begin(), x.end());
        ds.samples.y.push_back(label);
        ++ds.samples.rows;
    }
    refreshFingerprint(ds);
    return ds;
}

std::vector<GeneratorInfo> generators()
{
    return {
        {"moons", "two interleaved half circles; rows=200 noise=0.1"},
        {"circles", "two concentric circles; rows=200 noise=0.05 factor=0.5"},
        {"xor", "2-bit parity (XOR) as ±1 features plus noise; rows=200 noise=0.1"},
        {"parity", "n-bit parity as ±1 features plus noise; rows=200 bits=3 noise=0.1"},
        {"adhoc", "Havlicek et al. (2019) ad hoc data, ZZ feature map + random-unitary parity; rows=100 qubits=2 gap=0.3"},
    };
}

Result<Dataset> generateDataset(const std::string& spec, std::uint64_t seed)
{
    const QString s = QString::fromStdString(spec);
    const QString name = s.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
    const QString rest = s.section(QLatin1Char(':'), 1);
    std::map<std::string, double> params;
    std::map<std::string, double> allowed;
    if (name == QLatin1String("moons"))
        allowed = {{"rows", 200}, {"noise", 0.1}};
    else if (name == QLatin1String("circles"))
        allowed = {{"rows", 200}, {"noise", 0.05}, {"factor", 0.5}};
    else if (name == QLatin1String("xor"))
        allowed = {{"rows", 200}, {"noise", 0.1}};
    else if (name == QLatin1String("parity"))
        allowed = {{"rows", 200}, {"bits", 3}, {"noise", 0.1}};
    else if (name == QLatin1String("adhoc") || name == QLatin1String("ad_hoc") || name == QLatin1String("ad-hoc"))
        allowed = {{"rows", 100}, {"qubits", 2}, {"gap", 0.3}};
    else
        return Error("unknown generator '" + name.toStdString() + "' (expected moons, circles, xor, parity or adhoc)");
    params = allowed;
    if (!rest.trimmed().isEmpty()) {
        for (const QString& kv : rest.split(QLatin1Char(','))) {
            const QString key = kv.section(QLatin1Char('='), 0, 0).trimmed().toLower();
            const QString value = kv.section(QLatin1Char('='), 1).trimmed();
            bool ok = false;
            const double v = value.toDouble(&ok);
            if (!allowed.count(key.toStdString())) {
                std::string keys;
                for (const auto& [k, d] : allowed)
                    keys += (keys.empty() ? "" : ", ") + k;
                return Error("generator " + name.toStdString() + " has no parameter '" + key.toStdString() + "' (parameters: " + keys + ")");
            }
            if (!ok || !std::isfinite(v))
                return Error("parameter " + key.toStdString() + " of generator " + name.toStdString() + ": '" + value.toStdString()
                             + "' is not a number");
            params[key.toStdString()] = v;
        }
    }
    auto integer = [&](const char* key) { return static_cast<int>(std::lround(params[key])); };
    if (name == QLatin1String("moons"))
        return makeMoons(integer("rows"), params["noise"], seed);
    if (name == QLatin1String("circles"))
        return makeCircles(integer("rows"), params["noise"], params["factor"], seed);
    if (name == QLatin1String("xor"))
        return makeParity(integer("rows"), 2, params["noise"], seed);
    if (name == QLatin1String("parity"))
        return makeParity(integer("rows"), integer("bits"), params["noise"], seed);
    return makeAdHoc(integer("rows"), integer("qubits"), params["gap"], seed);
}

} // namespace qpilot::ml
