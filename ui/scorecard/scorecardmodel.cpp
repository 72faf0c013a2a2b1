// ui/scorecard/scorecardmodel.cpp — the scorecard's RAG table model.
#include "ui/scorecard/scorecardmodel.h"

#include "ui/report/reportstyle.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace qpilot::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QPixmap ratingDot(int rating)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(report::ratingStrong(rating));
    p.drawEllipse(QRectF(1, 1, 12, 12));
    return pm;
}

} // namespace

ScorecardModel::ScorecardModel(QObject* parent) : QAbstractTableModel(parent) {}

void ScorecardModel::setScorecard(const readiness::Scorecard& card, const std::optional<readiness::Scorecard>& reference)
{
    const bool sameShape = card.dimensions.size() == m_card.dimensions.size();
    if (!sameShape)
        beginResetModel();
    m_card = card;
    m_reference = reference;
    if (!sameShape)
        endResetModel();
    else if (!m_card.dimensions.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ScorecardModel::clear()
{
    beginResetModel();
    m_card = {};
    m_reference.reset();
    endResetModel();
}

int ScorecardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_card.dimensions.size());
}

int ScorecardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScorecardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const readiness::DimensionScore& d = m_card.dimensions[size_t(index.row())];
    const int rating = int(d.rating);
    const bool hasRef = m_reference && size_t(index.row()) < m_reference->dimensions.size();
    const double refScore = hasRef ? m_reference->dimensions[size_t(index.row())].score : 0.0;
    const bool moved = hasRef && std::abs(refScore - d.score) >= 0.05;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DimensionColumn: return QString::fromUtf8(readiness::dimensionTitle(d.dimension));
        case ScoreColumn: {
            QString s = QString::number(d.score, 'f', 1);
            if (moved)
                s += QStringLiteral("  (%1%2)").arg(d.score > refScore ? QStringLiteral("+") : QStringLiteral("−"))
                         .arg(std::abs(d.score - refScore), 0, 'f', 1);
            return s;
        }
        case RatingColumn: return report::ratingWord(rating);
        case MeasuredColumn: return qs(d.measured);
        case ThresholdColumn: return qs(d.threshold);
        case RationaleColumn: return qs(d.rationale);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b> — %2 (%3/100)<br>%4<br><br><i>Measured:</i> %5<br><i>Threshold:</i> %6")
                          .arg(QString::fromUtf8(readiness::dimensionTitle(d.dimension)).toHtmlEscaped(),
                               report::ratingWord(rating), QString::number(d.score, 'f', 1), qs(d.rationale).toHtmlEscaped(),
                               qs(d.measured).toHtmlEscaped(), qs(d.threshold).toHtmlEscaped());
        if (moved)
            tip += QStringLiteral("<br><i>As measured:</i> %1/100").arg(refScore, 0, 'f', 1);
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() == RatingColumn)
            return ratingDot(rating);
        break;
    case Qt::BackgroundRole:
        if (index.column() == RatingColumn || index.column() == ScoreColumn)
            return QBrush(report::ratingTint(rating));
        break;
    case Qt::ForegroundRole:
        if (index.column() == RatingColumn || index.column() == ScoreColumn)
            return QBrush(report::ratingDark(rating));
        break;
    case Qt::FontRole:
        if (index.column() == RatingColumn || index.column() == DimensionColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case RatingRole: return rating;
    case ScoreRole: return d.score;
    case ReferenceScoreRole: return hasRef ? QVariant(refScore) : QVariant();
    }
    return {};
}

QVariant ScorecardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DimensionColumn: return tr("Dimension");
    case ScoreColumn: return tr("Score");
    case RatingColumn: return tr("Rating");
    case MeasuredColumn: return tr("Measured");
    case ThresholdColumn: return tr("Threshold");
    case RationaleColumn: return tr("Rationale");
    }
    return {};
}

} // namespace qpilot::ui
