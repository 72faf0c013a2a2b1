// ui/scorecard/scorecardmodel.h — the RAG table of one readiness::Scorecard: one row per
// dimension (in the scorecard's order), columns dimension, score, rating, measured, threshold
// and rationale. Ratings carry the report's colours (ui/report/reportstyle.h); every cell's
// tooltip gives the full rationale. When a reference scorecard ("as measured") is set, the
// score column shows how far the what-if moved each score.
#pragma once

#include "core/readiness/readiness.h"

#include <QAbstractTableModel>

#include <optional>

namespace qpilot::ui {

class ScorecardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DimensionColumn, ScoreColumn, RatingColumn, MeasuredColumn, ThresholdColumn, RationaleColumn, ColumnCount };
    enum Role { RatingRole = Qt::UserRole + 1, ScoreRole, ReferenceScoreRole };

    explicit ScorecardModel(QObject* parent = nullptr);

    // Shows `card`; `reference` (optional) is the as-measured card the score deltas refer to.
    void setScorecard(const qpilot::readiness::Scorecard& card,
                      const std::optional<qpilot::readiness::Scorecard>& reference = std::nullopt);
    void clear();
    const qpilot::readiness::Scorecard& scorecard() const { return m_card; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qpilot::readiness::Scorecard m_card;
    std::optional<qpilot::readiness::Scorecard> m_reference;
};

} // namespace qpilot::ui
