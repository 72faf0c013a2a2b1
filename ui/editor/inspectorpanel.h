// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/inspectorpanel.h — edits the selected operation: its parameters (numbers,
// `pi/4`-style expressions or symbolic names, parsed by the core OpenQASM parser) and its
// qubits / classical bit. Each change is one undo command on the Document (consecutive
// edits of the same operation merge).
#pragma once

#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace qpilot {

class CircuitScene;
class Document;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(Document* document, CircuitScene* scene, QWidget* parent = nullptr);

    int operationIndex() const { return m_index; }
    const std::vector<QLineEdit*>& parameterEdits() const { return m_params; }
    const std::vector<QSpinBox*>& qubitBoxes() const { return m_qubits; }
    QString errorText() const;

    // Applies the editors' contents to the operation (what editingFinished/valueChanged do).
    bool apply();

private:
    void refresh();

    Document* m_document;
    CircuitScene* m_scene;
    int m_index = -1;
    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_error;
    QWidget* m_form;
    QFormLayout* m_formLayout;
    std::vector<QLineEdit*> m_params;
    std::vector<QSpinBox*> m_qubits;
    QSpinBox* m_clbit = nullptr;
    bool m_refreshing = false;
};

} // namespace qpilot
