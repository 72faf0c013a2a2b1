// core/ml/quantum_kernel.cpp — fidelity kernels (exact overlaps, noisy density-matrix overlaps,
// compute-uncompute with seeded shots), alignment and spread, and the precomputed-kernel SVM
// (libsvm) with seeded stratified cross-validation of C.
#include "core/ml/quantum_kernel.h"

#include "core/circuit/transform.h"
#include "core/ml/quantum_execution.h"
#include "core/sim/rng.h"
#include "core/sim/sampling.h"

#include <libsvm/svm.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>

namespace qpilot::ml {

namespace {

constexpr std::uint64_t kGramStream = 1ULL << 40;
constexpr std::uint64_t kCrossStream = 1ULL << 41;
constexpr std::uint64_t kFoldStream = 1ULL << 42;

int threadCount(const KernelOptions& o) { return o.threads > 0 ? o.threads : omp_get_max_threads(); }

bool cancelled(const KernelOptions& o) { return o.cancel && o.cancel->load(); }

Error cancelError() { return Error{"cancelled"}; }

std::vector<double> rowOf(const Samples& s, int r) { return {s.row(r), s.row(r) + s.features}; }

Result<bool> checkSamples(const encoding::Built& fm, const Samples& s, const char* what)
{
    if (encoding::isAnsatz(fm.kind))
        return Error{std::string("quantum kernel: '") + encoding::kindName(fm.kind) + "' is an ansatz, not a feature map"};
    if (!fm.weights.empty())
        return Error{std::string("quantum kernel: the feature map '") + encoding::kindName(fm.kind)
                     + "' has trainable parameters; a fidelity kernel needs a fixed feature map"};
    if (s.features != fm.features)
        return Error{std::string("quantum kernel: the ") + what + " samples have " + std::to_string(s.features)
                     + " features but the feature map was built for " + std::to_string(fm.features)};
    if (s.rows < 1 || s.x.size() != size_t(s.rows) * size_t(s.features))
        return Error{std::string("quantum kernel: the ") + what + " samples are empty or malformed"};
    return true;
}

// What one sample becomes under the chosen method.
struct Encoded {
    std::vector<std::vector<Complex>> states;     // exact, ideal
    std::vector<sim::DensityMatrix> densities;    // exact, noisy
    std::vector<Circuit> circuits, inverses;      // compute-uncompute
};

Result<Encoded> encodeAll(const encoding::Built& fm, const Samples& s, const KernelOptions& o,
                          double progressFrom, double progressTo)
{
    Encoded e;
    std::optional<detail::PreparedCircuit> prepared;
    if (o.method == KernelMethod::Statevector && !o.noise) {
        auto p = detail::PreparedCircuit::prepare(fm.circuit, fm.inputs);
        if (!p)
            return p.error();
        prepared = std::move(p.value());
    }
    const bool cu = o.method == KernelMethod::ComputeUncompute;
    const size_t rows = size_t(s.rows);
    if (cu) {
        e.circuits.resize(rows);
        e.inverses.resize(rows);
    } else if (o.noise) {
        e.densities.resize(rows);
    } else {
        e.states.resize(rows);
    }
    // Samples are independent: blocks of rows in parallel, progress and cancel between blocks.
    std::vector<std::string> errors(rows);
    constexpr int kBlock = 64;
    for (int r0 = 0; r0 < s.rows; r0 += kBlock) {
        if (cancelled(o))
            return cancelError();
        const int r1 = std::min(s.rows, r0 + kBlock);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threadCount(o))
        for (int r = r0; r < r1; ++r) {
            auto bind = encoding::bindFeatures(fm, rowOf(s, r));
            if (!bind) {
                errors[size_t(r)] = "row " + std::to_string(r) + ": " + bind.error().message;
                continue;
            }
            if (cu) {
                auto c = bindParameters(fm.circuit, *bind);
                if (!c) {
                    errors[size_t(r)] = c.error().message;
                    continue;
                }
                e.inverses[size_t(r)] = detail::inverseCircuit(*c);
                e.circuits[size_t(r)] = std::move(c.value());
            } else if (o.noise) {
                auto rho = detail::noisyDensity(fm.circuit, *bind, o.noise);
                if (!rho) {
                    errors[size_t(r)] = rho.error().message;
                    continue;
                }
                e.densities[size_t(r)] = std::move(rho.value());
            } else {
                std::vector<double> values;
                for (const std::string& name : fm.inputs)
                    values.push_back(bind->at(name));
                auto psi = prepared->state(values);
                if (!psi) {
                    errors[size_t(r)] = psi.error().message;
                    continue;
                }
                e.states[size_t(r)] = std::move(psi.value());
            }
        }
        for (int r = r0; r < r1; ++r)
            if (!errors[size_t(r)].empty())
                return Error{errors[size_t(r)]};
        if (o.progress)
            o.progress(progressFrom + (progressTo - progressFrom) * r1 / s.rows);
    }
    return e;
}

double overlap(const std::vector<Complex>& a, const std::vector<Complex>& b)
{
    double re = 0, im = 0;
    const size_t n = a.size();
    for (size_t k = 0; k < n; ++k) {
        // conj(a) * b
        re += a[k].real() * b[k].real() + a[k].imag() * b[k].imag();
        im += a[k].real() * b[k].imag() - a[k].imag() * b[k].real();
    }
    return re * re + im * im;
}

double densityOverlap(const sim::DensityMatrix& a, const sim::DensityMatrix& b)
{
    // Tr(ρσ) = Σ_ij ρ_ij σ_ji = Σ_ij ρ_ij conj(σ_ij) for Hermitian σ.
    double s = 0;
    const Complex* p = a.data();
    const Complex* q = b.data();
    for (size_t k = 0; k < a.size(); ++k)
        s += p[k].real() * q[k].real() + p[k].imag() * q[k].imag();
    return s;
}

// One kernel entry between sample i of `a` and sample j of `b`.
Result<double> entry(const Encoded& a, int i, const Encoded& b, int j, const KernelOptions& o, std::uint64_t stream)
{
    if (o.method == KernelMethod::ComputeUncompute) {
        const Circuit c = detail::appendCircuit(a.circuits[size_t(i)], b.inverses[size_t(j)]);
        auto probs = detail::finalProbabilities(c, {}, o.noise);
        if (!probs)
            return probs.error();
        const double p0 = std::clamp(probs.value()[0], 0.0, 1.0);
        const auto draws = sim::sampleIndices({p0, 1.0 - p0}, o.shots, o.seed, stream);
        const auto zeros = std::count(draws.begin(), draws.end(), std::uint64_t(0));
        return double(zeros) / o.shots;
    }
    if (o.noise)
        return densityOverlap(a.densities[size_t(i)], b.densities[size_t(j)]);
    return overlap(a.states[size_t(i)], b.states[size_t(j)]);
}

// Fills rows [iFrom, iTo) of `k` in one parallel region: columns from `firstColumn(i)` on.
// Each entry is a pure function of (i, j) and its stream, so any thread count gives the same
// matrix. The first error (in row-major order) wins.
template <class FirstColumn>
Result<bool> fillRows(KernelMatrix& k, const Encoded& a, int iFrom, int iTo, const Encoded& b, FirstColumn firstColumn,
                      const KernelOptions& o, std::uint64_t streamBase)
{
    long long firstBad = -1;
    std::string error;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threadCount(o))
    for (int i = iFrom; i < iTo; ++i) {
        for (int j = firstColumn(i); j < k.cols; ++j) {
            const std::uint64_t cell = std::uint64_t(i) * std::uint64_t(k.cols) + std::uint64_t(j);
            auto v = entry(a, i, b, j, o, streamBase + cell);
            if (v) {
                k.values[cell] = *v;
                continue;
            }
#pragma omp critical(qpilot_kernel_error)
            if (firstBad < 0 || (long long)cell < firstBad) {
                firstBad = (long long)cell;
                error = v.error().message;
            }
            break;
        }
    }
    if (firstBad >= 0)
        return Error{error};
    return true;
}

// Rows per parallel block: progress and cancel are checked between blocks.
constexpr int kRowBlock = 32;

} // namespace

Result<KernelMatrix> gramMatrix(const encoding::Built& fm, const Samples& s, const KernelOptions& o)
{
    if (auto ok = checkSamples(fm, s, "training"); !ok)
        return ok.error();
    if (o.method == KernelMethod::ComputeUncompute && o.shots < 1)
        return Error{"quantum kernel: compute-uncompute needs at least one shot"};
    const bool cu = o.method == KernelMethod::ComputeUncompute;
    const auto t0 = std::chrono::steady_clock::now();
    auto enc = encodeAll(fm, s, o, 0.0, cu ? 0.05 : 0.5);
    if (!enc)
        return enc.error();
    const auto t1 = std::chrono::steady_clock::now();
    KernelMatrix k;
    k.encodeSeconds = std::chrono::duration<double>(t1 - t0).count();
    k.rows = k.cols = s.rows;
    k.values.assign(size_t(s.rows) * size_t(s.rows), 0.0);
    const long long pairs = (long long)s.rows * (s.rows - 1) / 2;
    k.circuitExecutions = cu ? (pairs + (o.noise ? s.rows : 0)) * o.shots : s.rows;
    for (int i0 = 0; i0 < s.rows; i0 += kRowBlock) {
        if (cancelled(o))
            return cancelError();
        const int i1 = std::min(s.rows, i0 + kRowBlock);
        // Compute-uncompute: U†(x)U(x) = I exactly, so the ideal diagonal is 1 without running
        // anything; with noise the diagonal is measured like every other entry.
        const bool measureDiagonal = !cu || o.noise;
        if (cu && !o.noise)
            for (int i = i0; i < i1; ++i)
                k.values[size_t(i) * size_t(k.cols) + size_t(i)] = 1.0;
        auto first = [&](int i) { return measureDiagonal ? i : i + 1; };
        if (auto ok = fillRows(k, *enc, i0, i1, *enc, first, o, kGramStream); !ok)
            return ok.error();
        for (int i = i0; i < i1; ++i)
            for (int j = i + 1; j < s.rows; ++j)
                k.values[size_t(j) * size_t(k.cols) + size_t(i)] = k.values[size_t(i) * size_t(k.cols) + size_t(j)];
        if (o.progress) {
            // Work of row i is proportional to the columns left.
            const double from = cu ? 0.05 : 0.5;
            const double done = 1.0 - double(s.rows - i1) * (s.rows - i1 + 1) / (double(s.rows) * (s.rows + 1));
            o.progress(from + (1 - from) * done);
        }
    }
    k.entrySeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    return k;
}

Result<KernelMatrix> crossKernel(const encoding::Built& fm, const Samples& test, const Samples& train, const KernelOptions& o)
{
    if (auto ok = checkSamples(fm, test, "test"); !ok)
        return ok.error();
    if (auto ok = checkSamples(fm, train, "training"); !ok)
        return ok.error();
    const bool cu = o.method == KernelMethod::ComputeUncompute;
    if (cu && o.shots < 1)
        return Error{"quantum kernel: compute-uncompute needs at least one shot"};
    const auto t0 = std::chrono::steady_clock::now();
    auto a = encodeAll(fm, test, o, 0.0, cu ? 0.02 : 0.25);
    if (!a)
        return a.error();
    auto b = encodeAll(fm, train, o, cu ? 0.02 : 0.25, cu ? 0.05 : 0.5);
    if (!b)
        return b.error();
    const auto t1 = std::chrono::steady_clock::now();
    KernelMatrix k;
    k.encodeSeconds = std::chrono::duration<double>(t1 - t0).count();
    k.rows = test.rows;
    k.cols = train.rows;
    k.values.assign(size_t(k.rows) * size_t(k.cols), 0.0);
    k.circuitExecutions = cu ? (long long)k.rows * k.cols * o.shots : (long long)k.rows + k.cols;
    for (int i0 = 0; i0 < k.rows; i0 += kRowBlock) {
        if (cancelled(o))
            return cancelError();
        const int i1 = std::min(k.rows, i0 + kRowBlock);
        if (auto ok = fillRows(k, *a, i0, i1, *b, [](int) { return 0; }, o, kCrossStream); !ok)
            return ok.error();
        if (o.progress) {
            const double from = cu ? 0.05 : 0.5;
            o.progress(from + (1 - from) * i1 / k.rows);
        }
    }
    k.entrySeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    return k;
}

double kernelTargetAlignment(const KernelMatrix& gram, const std::vector<int>& y)
{
    const int n = gram.rows;
    double ky = 0, kk = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double k = gram.at(i, j);
            ky += k * (y[size_t(i)] == y[size_t(j)] ? 1.0 : -1.0);
            kk += k * k;
        }
    if (kk <= 0 || n == 0)
        return 0;
    return ky / (std::sqrt(kk) * n); // |Y|_F = n
}

KernelSpread offDiagonalSpread(const KernelMatrix& gram)
{
    KernelSpread s;
    const int n = gram.rows;
    long long count = 0;
    double sum = 0, sum2 = 0;
    s.min = 1e300;
    s.max = -1e300;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            const double v = gram.at(i, j);
            sum += v;
            sum2 += v * v;
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
            ++count;
        }
    if (count == 0) {
        s.min = s.max = 0;
        return s;
    }
    s.mean = sum / count;
    s.variance = std::max(0.0, sum2 / count - s.mean * s.mean);
    s.concentrated = s.variance < kConcentrationVariance;
    if (s.concentrated) {
        char buf[320];
        std::snprintf(buf, sizeof buf,
                      "kernel values have concentrated: off-diagonal variance %.3g < %.0e (mean %.3g); the kernel "
                      "barely distinguishes inputs and shot noise will dominate - use fewer qubits, fewer reps, "
                      "or scale the features down",
                      s.variance, kConcentrationVariance, s.mean);
        s.warning = buf;
    }
    return s;
}

// ---- SVM on a precomputed kernel --------------------------------------------------------

struct PrecomputedSvm::Storage {
    std::vector<svm_node> nodes;
    std::vector<svm_node*> rows;
    std::vector<double> labels;
    svm_problem problem{};
    svm_parameter param{};
};

PrecomputedSvm::PrecomputedSvm() = default;
PrecomputedSvm::~PrecomputedSvm()
{
    if (m_model)
        svm_free_and_destroy_model(&m_model);
}
PrecomputedSvm::PrecomputedSvm(PrecomputedSvm&& o) noexcept
    : m_storage(std::move(o.m_storage)), m_model(o.m_model), m_rows(o.m_rows)
{
    o.m_model = nullptr;
}
PrecomputedSvm& PrecomputedSvm::operator=(PrecomputedSvm&& o) noexcept
{
    if (this != &o) {
        if (m_model)
            svm_free_and_destroy_model(&m_model);
        m_storage = std::move(o.m_storage);
        m_model = o.m_model;
        m_rows = o.m_rows;
        o.m_model = nullptr;
    }
    return *this;
}

namespace {
void silentPrint(const char*) {}
}

Result<PrecomputedSvm> PrecomputedSvm::train(const KernelMatrix& gram, const std::vector<int>& labels, double C)
{
    const int n = gram.rows;
    if (gram.cols != n || n < 1)
        return Error{"SVM: the Gram matrix must be square and non-empty"};
    if (labels.size() != size_t(n))
        return Error{"SVM: " + std::to_string(labels.size()) + " labels for " + std::to_string(n) + " kernel rows"};
    if (!(C > 0) || !std::isfinite(C))
        return Error{"SVM: C must be a positive number"};
    PrecomputedSvm svm;
    svm.m_storage = std::make_unique<Storage>();
    Storage& s = *svm.m_storage;
    const size_t width = size_t(n) + 2;
    s.nodes.resize(width * size_t(n));
    for (int i = 0; i < n; ++i) {
        svm_node* row = &s.nodes[width * size_t(i)];
        row[0] = {0, double(i + 1)}; // sample serial number (1-based), as libsvm requires
        for (int j = 0; j < n; ++j)
            row[j + 1] = {j + 1, gram.at(i, j)};
        row[n + 1] = {-1, 0};
        s.rows.push_back(row);
        s.labels.push_back(labels[size_t(i)]);
    }
    s.problem.l = n;
    s.problem.y = s.labels.data();
    s.problem.x = s.rows.data();
    s.param.svm_type = C_SVC;
    s.param.kernel_type = PRECOMPUTED;
    s.param.C = C;
    s.param.cache_size = 100;
    s.param.eps = 1e-3;
    s.param.shrinking = 1;
    s.param.probability = 0;
    if (const char* e = svm_check_parameter(&s.problem, &s.param))
        return Error{std::string("SVM: ") + e};
    svm_set_print_string_function(&silentPrint);
    svm.m_model = svm_train(&s.problem, &s.param);
    svm.m_rows = n;
    if (!svm.m_model)
        return Error{"SVM: training failed"};
    return svm;
}

Result<std::vector<int>> PrecomputedSvm::predict(const KernelMatrix& cross) const
{
    if (!m_model)
        return Error{"SVM: not trained"};
    if (cross.cols != m_rows)
        return Error{"SVM: the kernel has " + std::to_string(cross.cols) + " columns, the model was trained on "
                     + std::to_string(m_rows) + " samples"};
    std::vector<svm_node> row(size_t(m_rows) + 2);
    std::vector<int> out;
    for (int i = 0; i < cross.rows; ++i) {
        row[0] = {0, 0};
        for (int j = 0; j < m_rows; ++j)
            row[size_t(j) + 1] = {j + 1, cross.at(i, j)};
        row[size_t(m_rows) + 1] = {-1, 0};
        out.push_back(static_cast<int>(std::lround(svm_predict(m_model, row.data()))));
    }
    return out;
}

Result<std::vector<double>> PrecomputedSvm::scores(const KernelMatrix& cross, int classes) const
{
    if (!m_model)
        return Error{"SVM: not trained"};
    if (cross.cols != m_rows)
        return Error{"SVM: the kernel has " + std::to_string(cross.cols) + " columns, the model was trained on "
                     + std::to_string(m_rows) + " samples"};
    const int k = svm_get_nr_class(m_model);
    std::vector<int> labels(static_cast<size_t>(k));
    svm_get_labels(m_model, labels.data());
    for (int l : labels)
        if (l < 0 || l >= classes)
            return Error{"SVM: label " + std::to_string(l) + " outside 0.." + std::to_string(classes - 1)};
    std::vector<svm_node> row(size_t(m_rows) + 2);
    std::vector<double> dec(static_cast<size_t>(k) * static_cast<size_t>(k));
    std::vector<double> out(size_t(cross.rows) * size_t(classes), 0.0);
    for (int i = 0; i < cross.rows; ++i) {
        row[0] = {0, 0};
        for (int j = 0; j < m_rows; ++j)
            row[size_t(j) + 1] = {j + 1, cross.at(i, j)};
        row[size_t(m_rows) + 1] = {-1, 0};
        svm_predict_values(m_model, row.data(), dec.data());
        double* s = out.data() + size_t(i) * size_t(classes);
        if (k == 2) {
            s[labels[0]] = dec[0];
            s[labels[1]] = -dec[0];
            continue;
        }
        // libsvm's pair order: (0,1), (0,2), ..., (1,2), ...; positive favours the first.
        std::vector<double> margin(static_cast<size_t>(k), 0.0);
        int p = 0;
        for (int a = 0; a < k; ++a)
            for (int b = a + 1; b < k; ++b, ++p) {
                const double d = dec[size_t(p)];
                s[labels[size_t(d > 0 ? a : b)]] += 1.0;
                margin[size_t(a)] += std::tanh(d);
                margin[size_t(b)] -= std::tanh(d);
            }
        for (int a = 0; a < k; ++a)
            s[labels[size_t(a)]] += 0.5 * margin[size_t(a)] / (k - 1); // |.| < 0.5: never overturns a vote
    }
    return out;
}

int PrecomputedSvm::supportVectors() const { return m_model ? m_model->l : 0; }

namespace {

KernelMatrix subMatrix(const KernelMatrix& k, const std::vector<int>& rows, const std::vector<int>& cols)
{
    KernelMatrix s;
    s.rows = static_cast<int>(rows.size());
    s.cols = static_cast<int>(cols.size());
    s.values.reserve(rows.size() * cols.size());
    for (int r : rows)
        for (int c : cols)
            s.values.push_back(k.at(r, c));
    return s;
}

} // namespace

Result<SvmTuningResult> tuneSvmC(const KernelMatrix& gram, const std::vector<int>& y, const SvmTuning& t)
{
    const int n = gram.rows;
    if (y.size() != size_t(n))
        return Error{"SVM tuning: label count does not match the kernel"};
    if (t.folds < 2 || t.folds > n)
        return Error{"SVM tuning: folds must be between 2 and the number of samples (" + std::to_string(n) + ")"};
    if (t.cGrid.empty())
        return Error{"SVM tuning: the C grid is empty"};
    // Stratified folds: each class shuffled (seeded Fisher-Yates), dealt round-robin.
    std::map<int, std::vector<int>> byClass;
    for (int i = 0; i < n; ++i)
        byClass[y[size_t(i)]].push_back(i);
    if (byClass.size() < 2)
        return Error{"SVM: the training set has a single class; a classifier needs at least two"};
    std::vector<int> fold(static_cast<size_t>(n));
    int dealt = 0;
    std::uint64_t counter = 0;
    for (auto& [cls, idx] : byClass) {
        for (size_t k = idx.size(); k > 1; --k) {
            const size_t r = size_t(sim::randomBits(t.seed, kFoldStream, counter++) % k);
            std::swap(idx[k - 1], idx[r]);
        }
        for (int i : idx)
            fold[size_t(i)] = dealt++ % t.folds;
    }
    SvmTuningResult result;
    result.bestAccuracy = -1;
    for (double C : t.cGrid) {
        int correct = 0;
        for (int f = 0; f < t.folds; ++f) {
            std::vector<int> tr, te;
            for (int i = 0; i < n; ++i)
                (fold[size_t(i)] == f ? te : tr).push_back(i);
            if (te.empty() || tr.empty())
                continue;
            std::vector<int> ytr;
            for (int i : tr)
                ytr.push_back(y[size_t(i)]);
            auto svm = PrecomputedSvm::train(subMatrix(gram, tr, tr), ytr, C);
            if (!svm)
                return svm.error();
            auto pred = svm->predict(subMatrix(gram, te, tr));
            if (!pred)
                return pred.error();
            for (size_t k = 0; k < te.size(); ++k)
                correct += pred.value()[k] == y[size_t(te[k])];
        }
        const double acc = double(correct) / n;
        result.scores.emplace_back(C, acc);
        if (acc > result.bestAccuracy) {
            result.bestAccuracy = acc;
            result.bestC = C;
        }
    }
    return result;
}

Result<QuantumKernelModel> trainQuantumKernel(const Samples& train, const encoding::Built& fm, const KernelOptions& kernel,
                                              const SvmTuning& tuning)
{
    if (train.y.size() != size_t(train.rows))
        return Error{"quantum kernel: the training samples need one label per row"};
    auto gram = gramMatrix(fm, train, kernel);
    if (!gram)
        return gram.error();
    QuantumKernelModel m;
    m.featureMap = fm;
    m.train = train;
    m.kernel = kernel;
    m.kernel.progress = nullptr;
    m.kernel.cancel = nullptr;
    m.alignment = kernelTargetAlignment(*gram, train.y);
    m.spread = offDiagonalSpread(*gram);
    m.trainingExecutions = gram->circuitExecutions;
    SvmTuning t = tuning;
    t.folds = std::min(t.folds, train.rows);
    auto tuned = tuneSvmC(*gram, train.y, t);
    if (!tuned)
        return tuned.error();
    m.tuning = *tuned;
    auto svm = PrecomputedSvm::train(*gram, train.y, tuned->bestC);
    if (!svm)
        return svm.error();
    m.svm = std::move(svm.value());
    return m;
}

Result<std::vector<int>> predictQuantumKernel(const QuantumKernelModel& model, const Samples& test, long long* executions)
{
    auto cross = crossKernel(model.featureMap, test, model.train, model.kernel);
    if (!cross)
        return cross.error();
    if (executions)
        *executions += cross->circuitExecutions;
    return model.svm.predict(*cross);
}

Result<KernelPrediction> predictQuantumKernelScores(const QuantumKernelModel& model, const Samples& test, int classes,
                                                    long long* executions)
{
    auto cross = crossKernel(model.featureMap, test, model.train, model.kernel);
    if (!cross)
        return cross.error();
    if (executions)
        *executions += cross->circuitExecutions;
    auto labels = model.svm.predict(*cross);
    if (!labels)
        return labels.error();
    auto scores = model.svm.scores(*cross, classes);
    if (!scores)
        return scores.error();
    return KernelPrediction{std::move(labels).value(), std::move(scores).value()};
}

} // namespace qpilot::ml
