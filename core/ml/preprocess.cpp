// core/ml/preprocess.cpp — standardisation, min–max scaling, PCA (Eigen), stratified splits.
#include "core/ml/preprocess.h"

#include "core/ml/random.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace qpilot::ml {

namespace {

std::size_t idx(int r, int c, int features)
{
    return static_cast<std::size_t>(r) * static_cast<std::size_t>(features) + static_cast<std::size_t>(c);
}

std::vector<std::vector<int>> rowsByClass(const Samples& s)
{
    std::vector<std::vector<int>> out(static_cast<std::size_t>(std::max(s.classes, 0)));
    for (int r = 0; r < s.rows; ++r)
        out[static_cast<std::size_t>(s.y[static_cast<std::size_t>(r)])].push_back(r);
    return out;
}

} // namespace

Samples subset(const Samples& s, const std::vector<int>& indices)
{
    Samples out;
    out.rows = static_cast<int>(indices.size());
    out.features = s.features;
    out.classes = s.classes;
    out.x.reserve(indices.size() * static_cast<std::size_t>(s.features));
    for (int r : indices) {
        out.x.insert(out.x.end(), s.row(r), s.row(r) + s.features);
        if (!s.y.empty())
            out.y.push_back(s.y[static_cast<std::size_t>(r)]);
    }
    return out;
}

Standardizer fitStandardizer(const Samples& train)
{
    Standardizer st;
    const int f = train.features;
    st.mean.assign(static_cast<std::size_t>(f), 0.0);
    st.scale.assign(static_cast<std::size_t>(f), 1.0);
    if (train.rows == 0)
        return st;
    for (int c = 0; c < f; ++c) {
        double m = 0;
        for (int r = 0; r < train.rows; ++r)
            m += train.at(r, c);
        m /= train.rows;
        double v = 0;
        for (int r = 0; r < train.rows; ++r)
            v += (train.at(r, c) - m) * (train.at(r, c) - m);
        v /= train.rows;
        st.mean[static_cast<std::size_t>(c)] = m;
        st.scale[static_cast<std::size_t>(c)] = v > 0 ? std::sqrt(v) : 1.0;
    }
    return st;
}

Samples Standardizer::apply(const Samples& s) const
{
    Samples out = s;
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.features; ++c)
            out.x[idx(r, c, s.features)] = (s.at(r, c) - mean[static_cast<std::size_t>(c)]) / scale[static_cast<std::size_t>(c)];
    return out;
}

Result<MinMaxScaler> fitMinMax(const Samples& train, double low, double high)
{
    if (!(high > low))
        return Error("the target range [a, b] needs a < b");
    if (train.rows == 0)
        return Error("cannot fit a scaler on an empty set");
    MinMaxScaler m;
    m.low = low;
    m.high = high;
    for (int c = 0; c < train.features; ++c) {
        double lo = train.at(0, c), hi = lo;
        for (int r = 1; r < train.rows; ++r) {
            lo = std::min(lo, train.at(r, c));
            hi = std::max(hi, train.at(r, c));
        }
        m.min.push_back(lo);
        m.max.push_back(hi);
    }
    return m;
}

Samples MinMaxScaler::apply(const Samples& s) const
{
    Samples out = s;
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.features; ++c) {
            const double lo = min[static_cast<std::size_t>(c)], hi = max[static_cast<std::size_t>(c)];
            // A constant training feature maps to the middle of the range.
            const double t = hi > lo ? (s.at(r, c) - lo) / (hi - lo) : 0.5;
            out.x[idx(r, c, s.features)] = low + t * (high - low);
        }
    return out;
}

Result<Pca> fitPca(const Samples& train, int k)
{
    const int f = train.features;
    if (k < 1 || k > f)
        return Error("PCA components must be in 1.." + std::to_string(f) + " (got " + std::to_string(k) + ")");
    if (train.rows < 2)
        return Error("PCA needs at least two rows");
    Eigen::MatrixXd x(train.rows, f);
    for (int r = 0; r < train.rows; ++r)
        for (int c = 0; c < f; ++c)
            x(r, c) = train.at(r, c);
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centred = x.rowwise() - mean;
    const Eigen::MatrixXd cov = (centred.transpose() * centred) / static_cast<double>(train.rows - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    if (eig.info() != Eigen::Success)
        return Error("PCA: the eigen-decomposition of the covariance did not converge");
    Pca p;
    p.mean.assign(mean.data(), mean.data() + f);
    const double trace = cov.trace();
    for (int i = 0; i < k; ++i) {
        const int col = f - 1 - i; // eigenvalues come in increasing order
        Eigen::VectorXd v = eig.eigenvectors().col(col);
        int big = 0;
        for (int c = 1; c < f; ++c)
            if (std::abs(v(c)) > std::abs(v(big)) + 1e-12)
                big = c;
        if (v(big) < 0)
            v = -v;
        p.components.emplace_back(v.data(), v.data() + f);
        const double lambda = std::max(0.0, eig.eigenvalues()(col));
        p.explainedVariance.push_back(lambda);
        p.explainedVarianceRatio.push_back(trace > 0 ? lambda / trace : 0.0);
    }
    return p;
}

Samples Pca::apply(const Samples& s) const
{
    Samples out;
    out.rows = s.rows;
    out.features = static_cast<int>(components.size());
    out.classes = s.classes;
    out.y = s.y;
    out.x.resize(static_cast<std::size_t>(out.rows) * static_cast<std::size_t>(out.features));
    for (int r = 0; r < s.rows; ++r)
        for (int i = 0; i < out.features; ++i) {
            double acc = 0;
            for (int c = 0; c < s.features; ++c)
                acc += (s.at(r, c) - mean[static_cast<std::size_t>(c)]) * components[static_cast<std::size_t>(i)][static_cast<std::size_t>(c)];
            out.x[idx(r, i, out.features)] = acc;
        }
    return out;
}

Result<Split> stratifiedSplit(const Samples& s, double testFraction, std::uint64_t seed)
{
    if (!(testFraction > 0 && testFraction < 1))
        return Error("the test fraction must be in (0, 1)");
    if (static_cast<int>(s.y.size()) != s.rows)
        return Error("a stratified split needs labelled rows");
    auto byClass = rowsByClass(s);
    Rng rng(seed, StreamSplit);
    Split out;
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        auto& rows = byClass[c];
        const int n = static_cast<int>(rows.size());
        if (n == 0)
            continue;
        if (n < 2)
            return Error("class " + std::to_string(c) + " has " + std::to_string(n) + " row; a stratified split needs at least 2 per class");
        rng.shuffle(rows);
        const int nTest = std::clamp(static_cast<int>(std::lround(n * testFraction)), 1, n - 1);
        out.testIndex.insert(out.testIndex.end(), rows.begin(), rows.begin() + nTest);
        out.trainIndex.insert(out.trainIndex.end(), rows.begin() + nTest, rows.end());
    }
    std::sort(out.trainIndex.begin(), out.trainIndex.end());
    std::sort(out.testIndex.begin(), out.testIndex.end());
    out.train = subset(s, out.trainIndex);
    out.test = subset(s, out.testIndex);
    return out;
}

Result<std::vector<Fold>> stratifiedKFold(const Samples& s, int k, std::uint64_t seed)
{
    if (k < 2)
        return Error("k-fold cross-validation needs k ≥ 2 (got " + std::to_string(k) + ")");
    if (static_cast<int>(s.y.size()) != s.rows)
        return Error("stratified folds need labelled rows");
    auto byClass = rowsByClass(s);
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        const int n = static_cast<int>(byClass[c].size());
        if (n > 0 && n < k)
            return Error("class " + std::to_string(c) + " has only " + std::to_string(n) + " training rows, fewer than the "
                         + std::to_string(k) + " folds; use fewer folds");
    }
    Rng rng(seed, StreamFolds);
    std::vector<int> foldOf(static_cast<std::size_t>(s.rows), 0);
    int next = 0;
    for (auto& rows : byClass) {
        rng.shuffle(rows);
        for (int r : rows) {
            foldOf[static_cast<std::size_t>(r)] = next;
            next = (next + 1) % k;
        }
    }
    std::vector<Fold> folds(static_cast<std::size_t>(k));
    for (int r = 0; r < s.rows; ++r)
        for (int f = 0; f < k; ++f)
            (foldOf[static_cast<std::size_t>(r)] == f ? folds[static_cast<std::size_t>(f)].testIndex
                                                      : folds[static_cast<std::size_t>(f)].trainIndex)
                .push_back(r);
    return folds;
}

} // namespace qpilot::ml
