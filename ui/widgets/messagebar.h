// SPDX-License-Identifier: GPL-3.0-or-later
// ui/widgets/messagebar.h — an inline, non-modal message strip at the top of a view (errors
// and notices), closed by its button or replaced by the next message. Never blocks input.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace qpilot {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    void showError(const QString& text) { showMessage(Kind::Error, text); }
    void showInfo(const QString& text) { showMessage(Kind::Info, text); }
    // Hides the bar and forgets the message.
    void dismiss();

    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_icon;
    QLabel* m_text;
    QToolButton* m_close;
    Kind m_kind = Kind::Info;
};

} // namespace qpilot
