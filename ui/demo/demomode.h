// ui/demo/demomode.h — entry header of ui/demo: demo mode, a full-screen presentation that walks
// a stakeholder through one pilot run (title, question, circuit, quantum vs classical, costs,
// scorecard, verdict) in large type that scales with the window. Keys: Right/Space/PageDown
// next, Left/PageUp/Backspace previous, Home/End, 1–9 jump to a slide, F (or F11) toggles full
// screen, Esc leaves; a click advances, a right click goes back. The slides are data
// (demoslides.h) built from the run and its scorecards; this widget only paints them, in the
// colours of its palette (report::chartTheme: white slides in the light theme, dark in the dark).
// The circuit slide draws the model circuit itself (the editor's CircuitScene on a private,
// read-only Document) beside the encoding-cost chart.
#pragma once

#include "ui/demo/demoslides.h"

#include <QWidget>

#include <memory>

namespace qpilot {
class CircuitScene;
class Document;
}

namespace qpilot::ui {

class DemoWindow : public QWidget {
    Q_OBJECT
public:
    explicit DemoWindow(QWidget* parent = nullptr);
    ~DemoWindow() override;

    // `context`: what the store knows (reproduced, exports), scored as on the Scorecard page.
    void setRun(const qpilot::pilot::PilotRun& run, const qpilot::pilot::Pilot& pilot,
                const qpilot::readiness::RunContext& context = {});

    const std::vector<DemoSlide>& slides() const { return m_slides; }
    int slideCount() const { return int(m_slides.size()); }
    int currentSlide() const { return m_current; }
    void setCurrentSlide(int index);              // clamped
    void next();
    void previous();
    // Shows the window full screen on the current screen.
    void present();
    // Whether the circuit slide draws the circuit (false when the run's circuit does not parse).
    bool hasCircuitDiagram() const { return m_circuitScene != nullptr; }

    QSize sizeHint() const override { return {1280, 720}; }

signals:
    void currentSlideChanged(int index);
    void closed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    std::vector<DemoSlide> m_slides;
    QString m_footer;
    int m_current = 0;
    std::unique_ptr<Document> m_circuitDocument; // the circuit slide's circuit (never edited)
    CircuitScene* m_circuitScene = nullptr;
};

} // namespace qpilot::ui
