// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/pricewhatifdialog.h — "What-if copy…" of a price entry: every rate of the entry ×
// a factor (a negotiated discount, a price cut to test), with the source the user can restate
// (e.g. a contract reference), saved as a user price file (core scaledPriceCopy +
// saveUserPriceFile) that replaces the entry in any pilot listing it in its extra price files.
#pragma once

#include "core/cost/cost.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace qpilot {

class PriceWhatIfDialog : public QDialog {
    Q_OBJECT
public:
    // `store`: the user price store ("" = cost::defaultUserPriceStore()). `offerPilot`: show
    // "Use it in the open pilot" (ticked).
    PriceWhatIfDialog(cost::PriceRow original, bool offerPilot, QWidget* parent = nullptr, const QString& store = {});

    void setFactor(double factor);
    double factor() const;
    void setSource(const QString& source);
    bool useInPilot() const;
    // The copy as it would be saved (with the source as typed), or why not.
    Result<cost::PriceRow> copy() const;
    // Saves the copy; returns its path (the error is shown in the dialog too).
    Result<std::string> save();

private:
    void refresh();

    cost::PriceRow m_original;
    QString m_store;
    QString m_today;
    QDoubleSpinBox* m_factor = nullptr;
    QLineEdit* m_source = nullptr;
    QCheckBox* m_usePilot = nullptr;
    QLabel* m_summary = nullptr;
    bool m_sourceEdited = false;
};

} // namespace qpilot
