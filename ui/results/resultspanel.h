// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/resultspanel.h — the live results dock: device selector (none or a shipped
// device), shots and seed; a probability histogram (ideal, noisy beside it, sampled
// frequencies; the top kTopK outcomes when there are more), each qubit's Bloch vector drawn on
// a sphere (and as a table), the amplitudes table with phase colours, per-qubit marginals,
// and expectation values of Pauli strings the user types. A circuit change after a quiet spell
// re-runs the LiveSimulator at once; further changes within the debounce window of that run
// (kDebounceMs unless the preferences say otherwise) coalesce into one run when it closes. With
// live simulation off, Run (F5) simulates. Showing a result only copies the worker's summary
// into the views (O(k), independent of 2^n).
#pragma once

#include "ui/results/livesimulator.h"
#include "ui/results/measuredcounts.h"
#include "ui/settings/workbenchsettings.h"

#include <QElapsedTimer>
#include <QVariantList>
#include <QWidget>

#include <optional>

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTimer;
class QToolButton;

namespace qpilot {

class AmplitudeModel;
class BlochSphereWidget;
class ExpectationModel;
class QubitModel;
class Document;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 30;
    static constexpr int kTopK = LiveSimulator::kTopStates;

    explicit ResultsPanel(Document* document, QWidget* parent = nullptr);

    LiveSimulator* simulator() const { return m_simulator; }
    AmplitudeModel* amplitudeModel() const { return m_amplitudes; }
    QubitModel* qubitModel() const { return m_qubits; }
    ExpectationModel* expectationModel() const { return m_expectations; }
    // Comma-separated Pauli strings whose expectation values are shown.
    QLineEdit* observablesEdit() const { return m_observables; }
    QCustomPlot* histogram() const { return m_histogram; }
    QCustomPlot* marginalsPlot() const { return m_marginals; }
    BlochSphereWidget* blochSpheres() const { return m_spheres; }
    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* deviceBox() const { return m_device; }
    QSpinBox* shotsBox() const { return m_shots; }
    QSpinBox* seedBox() const { return m_seed; }
    QString statusText() const;
    const std::optional<LiveSimResult>& lastResult() const { return m_last; }
    // Bitstrings on the histogram's x axis, left to right.
    QStringList histogramLabels() const { return m_labels; }

    // Starts a run now (the debounce timer and Run call this).
    void runNow();
    // Applies the live-simulation preferences: debounce, on/off, qubit limit, and the default
    // device, shots and seed. `initial`: at start-up the defaults only fill in what the user
    // has not chosen before (remembered in QSettings); later, changed defaults apply at once.
    void applySettings(const WorkbenchSettings& settings, bool initial = false);
    int debounceMs() const { return m_debounceMs; }
    bool liveSimulation() const { return m_live; }
    int maxLiveQubits() const { return m_maxQubits; }
    // Time the GUI thread spent showing the last result (the views' update, not the replot).
    double lastUpdateMs() const { return m_lastUpdateMs; }
    // Restyles the plots after a palette change.
    void applyTheme();

    // Draws `measured` (e.g. a cloud job's counts) as a fourth histogram series while the editor
    // holds the circuit that is in it now, and selects the measured device's profile (noisy
    // series) and its number of shots (sampled series) so the three compare like for like. An
    // edit hides the series; undoing back to the measured circuit shows it again. nullopt removes it.
    void setMeasured(std::optional<MeasuredCounts> measured);
    const std::optional<MeasuredCounts>& measured() const { return m_measured; }
    // Whether the histogram draws the measured counts now; when it does not, why (empty: no
    // measured counts, or the circuit was edited).
    bool measuredShown() const { return m_measuredShown; }
    QString measuredNote() const { return m_measuredNote; }

signals:
    void updated();

private:
    void scheduleRun();
    void showResult(const LiveSimResult& result);
    void plotHistogram(const LiveSimResult& result);
    void plotMarginals(const LiveSimResult& result);

    Document* m_document;
    LiveSimulator* m_simulator;
    AmplitudeModel* m_amplitudes;
    QubitModel* m_qubits;
    ExpectationModel* m_expectations;
    QLineEdit* m_observables;
    QTimer* m_debounce;
    QComboBox* m_device;
    QSpinBox* m_shots;
    QSpinBox* m_seed;
    QLabel* m_status;
    QCustomPlot* m_histogram;
    QCustomPlot* m_marginals;
    QTableView* m_table;
    BlochSphereWidget* m_spheres;
    QTabWidget* m_tabs;
    QToolButton* m_run;
    int m_debounceMs = kDebounceMs;
    bool m_live = true;
    int m_maxQubits = LiveSimulator::kMaxQubits;
    std::optional<WorkbenchSettings> m_applied;
    double m_lastUpdateMs = 0;
    std::optional<LiveSimResult> m_last;
    QVariantList m_remembered; // the device, shots, seed and observables last saved
    QElapsedTimer m_sinceRun;
    bool m_trailingRun = false;
    QStringList m_labels;
    std::optional<MeasuredCounts> m_measured;
    QString m_measuredQasm;            // the editor's circuit when the counts were set
    bool m_measuredIdentity = false;   // every qubit i measured into bit i (the views' order)
    quint64 m_measuredGeneration = 0;  // the last simulation of the measured circuit
    bool m_measuredShown = false;
    QString m_measuredNote;
};

} // namespace qpilot
