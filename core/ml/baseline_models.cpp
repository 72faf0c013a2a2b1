// core/ml/baseline_models.cpp — the classical models behind trainBaseline(): multinomial
// logistic regression (Newton, Eigen), RBF C-SVC (libsvm) and a one-hidden-layer MLP (Adam,
// Eigen). Each standardises its inputs with statistics of the rows it is fitted on.
#include "core/ml/baseline_models.h"

#include "core/ml/preprocess.h"
#include "core/ml/random.h"

#include <Eigen/Dense>
#include <libsvm/svm.h>

#include <algorithm>
#include <cmath>

namespace qpilot::ml::detail {

namespace {

Eigen::MatrixXd toMatrix(const Samples& s)
{
    Eigen::MatrixXd x(s.rows, s.features);
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.features; ++c)
            x(r, c) = s.at(r, c);
    return x;
}

std::vector<double> toScores(const Eigen::MatrixXd& m)
{
    std::vector<double> out(static_cast<std::size_t>(m.rows() * m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            out[static_cast<std::size_t>(r * m.cols() + c)] = m(r, c);
    return out;
}

// Row-wise softmax, numerically stable.
Eigen::MatrixXd softmax(const Eigen::MatrixXd& z)
{
    Eigen::MatrixXd p = z.colwise() - z.rowwise().maxCoeff();
    p = p.array().exp();
    p.array().colwise() /= p.rowwise().sum().array();
    return p;
}

Eigen::MatrixXd oneHot(const Samples& s)
{
    Eigen::MatrixXd y = Eigen::MatrixXd::Zero(s.rows, s.classes);
    for (int r = 0; r < s.rows; ++r)
        y(r, s.y[static_cast<std::size_t>(r)]) = 1;
    return y;
}

// ---- logistic regression ------------------------------------------------------------------

class Logistic : public FittedModel {
public:
    Standardizer st;
    Eigen::MatrixXd w; // (features + 1) × classes, last row = bias

    std::vector<double> scores(const Samples& s) const override
    {
        const Samples z = st.apply(s);
        Eigen::MatrixXd x(z.rows, z.features + 1);
        x.leftCols(z.features) = toMatrix(z);
        x.col(z.features).setOnes();
        return toScores(softmax(x * w));
    }
};

double logisticLoss(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const Eigen::MatrixXd& w, const Eigen::VectorXd& ridge)
{
    const Eigen::MatrixXd z = x * w;
    const Eigen::VectorXd mx = z.rowwise().maxCoeff();
    const Eigen::VectorXd lse = ((z.colwise() - mx).array().exp().rowwise().sum().log()).matrix() + mx;
    const double ce = lse.sum() - (z.array() * y.array()).sum();
    return ce + 0.5 * (ridge.asDiagonal() * w.cwiseAbs2()).sum();
}

} // namespace

std::unique_ptr<FittedModel> fitLogistic(const Samples& train, double c)
{
    auto model = std::make_unique<Logistic>();
    model->st = fitStandardizer(train);
    const Samples z = model->st.apply(train);
    const int d = z.features + 1;
    const int k = z.classes;
    Eigen::MatrixXd x(z.rows, d);
    x.leftCols(z.features) = toMatrix(z);
    x.col(z.features).setOnes();
    const Eigen::MatrixXd y = oneHot(z);
    Eigen::VectorXd ridge = Eigen::VectorXd::Constant(d, 1.0 / c);
    ridge(d - 1) = 1e-6; // the bias is (almost) unpenalised; the tiny ridge fixes the softmax's free shift
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(d, k);
    double loss = logisticLoss(x, y, w, ridge);
    for (int iter = 0; iter < 100; ++iter) {
        const Eigen::MatrixXd p = softmax(x * w);
        const Eigen::MatrixXd g = x.transpose() * (p - y) + ridge.asDiagonal() * w;
        Eigen::MatrixXd h = Eigen::MatrixXd::Zero(d * k, d * k);
        for (int a = 0; a < k; ++a)
            for (int b = a; b < k; ++b) {
                const Eigen::VectorXd weight = p.col(a).array() * ((a == b ? 1.0 : 0.0) - p.col(b).array());
                const Eigen::MatrixXd block = x.transpose() * weight.asDiagonal() * x;
                h.block(a * d, b * d, d, d) = block;
                if (a != b)
                    h.block(b * d, a * d, d, d) = block.transpose();
                else
                    h.block(a * d, a * d, d, d).diagonal() += ridge;
            }
        const Eigen::VectorXd gv = Eigen::Map<const Eigen::VectorXd>(g.data(), d * k);
        const Eigen::VectorXd step = h.ldlt().solve(gv);
        const double decrement = gv.dot(step);
        if (!(decrement > 1e-12 * (1 + std::abs(loss))))
            break;
        double t = 1;
        Eigen::MatrixXd next;
        double nextLoss = loss;
        for (int ls = 0; ls < 40; ++ls) {
            next = w - t * Eigen::Map<const Eigen::MatrixXd>(step.data(), d, k);
            nextLoss = logisticLoss(x, y, next, ridge);
            if (nextLoss <= loss - 1e-4 * t * decrement)
                break;
            t *= 0.5;
        }
        if (!(nextLoss < loss))
            break;
        w = next;
        loss = nextLoss;
    }
    model->w = w;
    return model;
}

// ---- RBF SVM (libsvm) ---------------------------------------------------------------------

namespace {

void quiet(const char*) {}

// Rows as libsvm nodes (dense: indices 1..features, then the -1 terminator).
struct SvmRows {
    std::vector<svm_node> nodes;
    std::vector<svm_node*> rows;
    explicit SvmRows(const Samples& s)
    {
        const std::size_t stride = static_cast<std::size_t>(s.features) + 1;
        nodes.resize(static_cast<std::size_t>(s.rows) * stride);
        rows.resize(static_cast<std::size_t>(s.rows));
        for (int r = 0; r < s.rows; ++r) {
            svm_node* n = nodes.data() + static_cast<std::size_t>(r) * stride;
            for (int c = 0; c < s.features; ++c)
                n[c] = svm_node{c + 1, s.at(r, c)};
            n[s.features] = svm_node{-1, 0.0};
            rows[static_cast<std::size_t>(r)] = n;
        }
    }
};

class Svm : public FittedModel {
public:
    Standardizer st;
    int classes = 0;
    SvmRows data{Samples{}}; // the support vectors point into these nodes: kept alive
    std::vector<double> labels;
    svm_model* model = nullptr;

    ~Svm() override
    {
        if (model)
            svm_free_and_destroy_model(&model);
    }

    std::vector<double> scores(const Samples& s) const override
    {
        const Samples z = st.apply(s);
        const SvmRows rows(z);
        const int nr = svm_get_nr_class(model);
        std::vector<int> label(static_cast<std::size_t>(nr));
        svm_get_labels(model, label.data());
        std::vector<double> dec(static_cast<std::size_t>(nr * (nr - 1) / 2));
        std::vector<double> out(static_cast<std::size_t>(z.rows) * static_cast<std::size_t>(classes), -1.0);
        for (int r = 0; r < z.rows; ++r) {
            double* row = out.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(classes);
            svm_predict_values(model, rows.rows[static_cast<std::size_t>(r)], dec.data());
            if (nr == 2 && classes == 2) {
                // Positive decision value ⇒ label[0].
                const double s1 = label[0] == 1 ? dec[0] : -dec[0];
                row[0] = -s1;
                row[1] = s1;
                continue;
            }
            std::vector<double> votes(static_cast<std::size_t>(classes), 0.0), conf(static_cast<std::size_t>(classes), 0.0);
            int p = 0;
            for (int i = 0; i < nr; ++i)
                for (int j = i + 1; j < nr; ++j, ++p) {
                    const double v = dec[static_cast<std::size_t>(p)];
                    votes[static_cast<std::size_t>(v > 0 ? label[static_cast<std::size_t>(i)] : label[static_cast<std::size_t>(j)])] += 1;
                    conf[static_cast<std::size_t>(label[static_cast<std::size_t>(i)])] += v;
                    conf[static_cast<std::size_t>(label[static_cast<std::size_t>(j)])] -= v;
                }
            for (int i = 0; i < nr; ++i) {
                const std::size_t c = static_cast<std::size_t>(label[static_cast<std::size_t>(i)]);
                // Votes decide; the bounded confidence term (|·| < 1/3) only breaks ties and ranks.
                row[c] = votes[c] + conf[c] / (3 * (std::abs(conf[c]) + 1));
            }
        }
        return out;
    }
};

} // namespace

double svmScaleGamma(const Samples& train)
{
    const Samples z = fitStandardizer(train).apply(train);
    double mean = 0;
    for (double v : z.x)
        mean += v;
    mean /= static_cast<double>(z.x.size());
    double var = 0;
    for (double v : z.x)
        var += (v - mean) * (v - mean);
    var /= static_cast<double>(z.x.size());
    return var > 0 ? 1.0 / (z.features * var) : 1.0;
}

std::unique_ptr<FittedModel> fitSvm(const Samples& train, double c, double gamma)
{
    svm_set_print_string_function(&quiet);
    auto model = std::make_unique<Svm>();
    model->st = fitStandardizer(train);
    model->classes = train.classes;
    const Samples z = model->st.apply(train);
    model->data = SvmRows(z);
    model->labels.assign(z.y.begin(), z.y.end());
    svm_problem problem{};
    problem.l = z.rows;
    problem.y = model->labels.data();
    problem.x = model->data.rows.data();
    svm_parameter param{};
    param.svm_type = C_SVC;
    param.kernel_type = RBF;
    param.gamma = gamma > 0 ? gamma : svmScaleGamma(train);
    param.C = c;
    param.cache_size = 64;
    param.eps = 1e-3;
    param.shrinking = 1;
    param.probability = 0; // probability estimates would run libsvm's internal, unseeded CV
    param.degree = 3;
    param.nu = 0.5;
    param.p = 0.1;
    model->model = svm_train(&problem, &param);
    return model;
}

// ---- MLP ------------------------------------------------------------------------------------

namespace {

class Mlp : public FittedModel {
public:
    Standardizer st;
    Eigen::MatrixXd w1, w2;
    Eigen::RowVectorXd b1, b2;

    std::vector<double> scores(const Samples& s) const override
    {
        const Eigen::MatrixXd x = toMatrix(st.apply(s));
        const Eigen::MatrixXd a = ((x * w1).rowwise() + b1).array().tanh();
        return toScores(softmax((a * w2).rowwise() + b2));
    }
};

struct Adam {
    Eigen::MatrixXd m, v;
    void init(Eigen::Index r, Eigen::Index c)
    {
        m = Eigen::MatrixXd::Zero(r, c);
        v = Eigen::MatrixXd::Zero(r, c);
    }
    template <class P, class G>
    void step(P& param, const G& grad, double lr, int t)
    {
        constexpr double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        m = b1 * m + (1 - b1) * grad;
        v = b2 * v + (1 - b2) * grad.cwiseAbs2();
        const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
        param.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
    }
};

} // namespace

std::unique_ptr<FittedModel> fitMlp(const Samples& train, int hidden, double alpha, std::uint64_t seed)
{
    constexpr int kEpochs = 150;
    constexpr int kBatch = 32;
    constexpr double kLearningRate = 0.01;
    auto model = std::make_unique<Mlp>();
    model->st = fitStandardizer(train);
    const Samples z = model->st.apply(train);
    const Eigen::MatrixXd x = toMatrix(z);
    const Eigen::MatrixXd y = oneHot(z);
    const int d = z.features, k = z.classes, n = z.rows;
    Rng rng(seed, StreamMlp);
    auto glorot = [&](int in, int out) {
        const double s = std::sqrt(6.0 / (in + out));
        Eigen::MatrixXd m(in, out);
        for (int c = 0; c < out; ++c)
            for (int r = 0; r < in; ++r)
                m(r, c) = rng.uniform(-s, s);
        return m;
    };
    Eigen::MatrixXd w1 = glorot(d, hidden), w2 = glorot(hidden, k);
    Eigen::RowVectorXd b1 = Eigen::RowVectorXd::Zero(hidden), b2 = Eigen::RowVectorXd::Zero(k);
    Adam aw1, aw2, ab1, ab2;
    aw1.init(d, hidden);
    aw2.init(hidden, k);
    ab1.init(1, hidden);
    ab2.init(1, k);
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = i;
    int t = 0;
    for (int epoch = 0; epoch < kEpochs; ++epoch) {
        rng.shuffle(order);
        for (int start = 0; start < n; start += kBatch) {
            const int b = std::min(kBatch, n - start);
            Eigen::MatrixXd xb(b, d), yb(b, k);
            for (int i = 0; i < b; ++i) {
                xb.row(i) = x.row(order[static_cast<std::size_t>(start + i)]);
                yb.row(i) = y.row(order[static_cast<std::size_t>(start + i)]);
            }
            const Eigen::MatrixXd a = ((xb * w1).rowwise() + b1).array().tanh();
            const Eigen::MatrixXd p = softmax((a * w2).rowwise() + b2);
            const Eigen::MatrixXd dz = (p - yb) / b;
            const Eigen::MatrixXd gw2 = a.transpose() * dz + (alpha / n) * w2;
            const Eigen::RowVectorXd gb2 = dz.colwise().sum();
            const Eigen::MatrixXd da = (dz * w2.transpose()).array() * (1 - a.array().square());
            const Eigen::MatrixXd gw1 = xb.transpose() * da + (alpha / n) * w1;
            const Eigen::RowVectorXd gb1 = da.colwise().sum();
            ++t;
            aw1.step(w1, gw1, kLearningRate, t);
            aw2.step(w2, gw2, kLearningRate, t);
            ab1.step(b1, gb1, kLearningRate, t);
            ab2.step(b2, gb2, kLearningRate, t);
        }
    }
    model->w1 = std::move(w1);
    model->w2 = std::move(w2);
    model->b1 = std::move(b1);
    model->b2 = std::move(b2);
    return model;
}

} // namespace qpilot::ml::detail
