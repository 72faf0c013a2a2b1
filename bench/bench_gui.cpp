// SPDX-License-Identifier: GPL-3.0-or-later
// bench/bench_gui.cpp — the workbench's live-editing benchmark (issue 8). It drives a real
// MainWindow (offscreen unless a display is given): on a layered circuit of N qubits it
// replays gate insertions through the editor's scene API and measures, per edit, the time
// from the edit to the results dock's histogram being replotted with the new distribution
// (edit-to-plot latency), while an event-loop probe (a 1 ms timer) records the longest time
// the GUI thread did not get back to its event loop. Per edit it also splits the latency into
// edit -> run started, the worker's compute time, and the GUI thread's update of the views. A burst phase then fires
// edits faster than the simulation to show that stale runs are cancelled,
// not queued.
//   cmake --build build/h --target qpilot_bench_gui && build/h/bench/qpilot_bench_gui [--edits 20] [--qubits 12,16,20] [--pause 100]
// --pause is the untimed "think time" before each edit: with it an edit runs at once (the
// debounce only coalesces edits closer than 30 ms); --pause 0 replays edits back to back.
#include "core/circuit/circuit.h"
#include "ui/document/document.h"
#include "ui/editor/circuitscene.h"
#include "ui/mainwindow.h"
#include "ui/results/livesimulator.h"
#include "ui/results/resultspanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace qpilot;

namespace {

// Layers of ry on every qubit and a cx chain: a dense, entangled state.
Circuit layered(int qubits, int layers)
{
    Circuit c;
    c.addQreg("q", qubits);
    c.addCreg("c", qubits);
    for (int l = 0; l < layers; ++l) {
        for (int q = 0; q < qubits; ++q)
            c.gate(GateKind::RY, {q}, {Expr(0.1 + 0.07 * q + 0.3 * l)});
        for (int q = 0; q + 1 < qubits; ++q)
            c.gate(GateKind::CX, {q, q + 1});
    }
    return c;
}

// Measures the longest gap between 1 ms timer ticks (minus the period) while running.
class Probe : public QObject {
public:
    Probe()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_worst = 0;
        m_last = m_clock.nsecsElapsed();
    }
    double worstMs() const { return double(m_worst) * 1e-6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_worst = 0;
};

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY")
        && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int edits = 20;
    int pauseMs = 100; // "think time" before each edit (not timed); 0 = back to back
    std::vector<int> sizes = {12, 16, 20};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--edits") && i + 1 < argc) {
            edits = std::max(1, std::atoi(argv[++i]));
        } else if (!std::strcmp(argv[i], "--pause") && i + 1 < argc) {
            pauseMs = std::max(0, std::atoi(argv[++i]));
        } else if (!std::strcmp(argv[i], "--qubits") && i + 1 < argc) {
            sizes.clear();
            for (const QString& part : QString::fromLatin1(argv[++i]).split(QLatin1Char(',')))
                sizes.push_back(part.toInt());
        }
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QpilotBench"));
    QCoreApplication::setApplicationName(QStringLiteral("qpilot_bench_gui"));
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    ResultsPanel* results = window.resultsPanel();
    Probe probe;

    std::printf("Live editing (%d edits per size, %d ms pause before each; latency = edit -> plot updated)\n",
                edits, pauseMs);
    std::printf("%7s %6s %10s %8s %8s %11s %14s %10s %10s %15s\n", "qubits", "gates", "median ms", "p90 ms", "max ms",
                "edit max ms", "edit->start ms", "worker ms", "upd max ms", "GUI blocked ms");
    for (int n : sizes) {
        window.document()->newCircuit(n);
        window.document()->replaceCircuit(layered(n, 8), QStringLiteral("bench"));
        QEventLoop settle;
        QObject::connect(results, &ResultsPanel::updated, &settle, &QEventLoop::quit);
        QTimer::singleShot(20000, &settle, &QEventLoop::quit);
        settle.exec();

        std::vector<double> latency, toStart, worker, update, editMs;
        QElapsedTimer t;
        double started = 0, computeMs = 0;
        const auto c1 = QObject::connect(results->simulator(), &LiveSimulator::started,
                                         [&] { started = double(t.nsecsElapsed()) * 1e-6; });
        const auto c2 = QObject::connect(results->simulator(), &LiveSimulator::resultReady,
                                         [&](const LiveSimResult& r) { computeMs = r.seconds * 1e3; });
        probe.reset();
        for (int e = 0; e < edits; ++e) {
            if (pauseMs > 0) {
                QEventLoop think;
                QTimer::singleShot(pauseMs, &think, &QEventLoop::quit);
                think.exec();
            }
            t.start();
            // Done when the histogram has been replotted after the views took the new result
            // (the panel queues the replot; the screen shows it at the next paint).
            QEventLoop wait;
            bool shown = false;
            const auto conn = QObject::connect(results, &ResultsPanel::updated, [&shown] { shown = true; });
            const auto replot = QObject::connect(results->histogram(), &QCustomPlot::afterReplot, &wait, [&] {
                if (shown)
                    wait.quit();
            });
            QTimer::singleShot(20000, &wait, &QEventLoop::quit);
            window.scene()->placeEntry(QStringLiteral("gate:rx"), e % n, 1 << 20); // append
            editMs.push_back(double(t.nsecsElapsed()) * 1e-6); // the edit itself (scene, text, metrics)
            wait.exec();
            QObject::disconnect(conn);
            QObject::disconnect(replot);
            const double done = double(t.nsecsElapsed()) * 1e-6;
            latency.push_back(done);
            toStart.push_back(started);
            worker.push_back(computeMs);
            update.push_back(results->lastUpdateMs());
        }
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        std::printf("%7d %6zu %10.1f %8.1f %8.1f %11.1f %14.1f %10.1f %10.2f %15.1f\n", n,
                    window.document()->circuit().ops.size(), percentile(latency, 0.5), percentile(latency, 0.9),
                    percentile(latency, 1.0), percentile(editMs, 1.0), percentile(toStart, 0.5), percentile(worker, 0.5),
                    percentile(update, 1.0), probe.worstMs());

        // Burst: 10 edits just over the debounce apart, each arriving while the run of the
        // previous one may still be going; only the newest result should be shown.
        const int spacing = results->debounceMs() + 10;
        const int cancelledBefore = results->simulator()->cancelledRuns();
        int delivered = 0;
        const auto counter = QObject::connect(results, &ResultsPanel::updated, [&delivered] { ++delivered; });
        for (int e = 0; e < 10; ++e) {
            window.scene()->placeEntry(QStringLiteral("gate:rz"), e % n, 1 << 20);
            QEventLoop pause;
            QTimer::singleShot(spacing, &pause, &QEventLoop::quit);
            pause.exec();
        }
        QEventLoop drain;
        QTimer::singleShot(1500, &drain, &QEventLoop::quit);
        drain.exec();
        results->simulator()->waitForIdle();
        QObject::disconnect(counter);
        std::printf("        burst of 10 edits %d ms apart: %d result(s) shown, %d stale run(s) cancelled\n", spacing,
                    delivered, results->simulator()->cancelledRuns() - cancelledBefore);
    }
    std::printf("Columns: latency = edit -> histogram replotted; edit = the synchronous edit on the GUI thread (scene,\n"
                "OpenQASM text, metrics); worker = the run's compute time (median); upd = the GUI thread showing a result\n"
                "(views and models; max); GUI blocked = longest gap of a 1 ms event-loop probe over the edits.\n");
    std::printf("Targets (issue 8): latency < 50 ms at 16 qubits, < 300 ms at 20; GUI blocked < 50 ms.\n");
    return 0;
}
