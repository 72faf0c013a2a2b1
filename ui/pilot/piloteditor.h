// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/piloteditor.h — the pilot editor: every field of a `.qpilot` document on pages listed
// at the left (overview, dataset with preview and column roles, preprocessing, encoding with a
// live resource preview and the encoding-cost-vs-features curve, ansatz and model, device
// multi-select with key figures, execution (mitigation, shots, seeds), objectives, cost
// assumptions, scorecard thresholds). Every edit is a SetPilotFieldCommand on the editor's
// QUndoStack (typing in one field merges into one step). After each edit validatePilot runs and
// each problem is shown in red under the field it names, with an "N problems" line on top;
// text that does not parse (a seed "12x") is flagged under its field and changes nothing.
#pragma once

#include "core/encoding/encoding.h"
#include "core/ml/dataset_source.h"
#include "core/pilot/pilot.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QFormLayout;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTableView;
class QUndoStack;
class QVBoxLayout;

namespace qpilot {

class DatasetPreviewModel;
class DeviceProfilesModel;

// What the encoding page previews: the feature map's resources for the pilot's feature count
// (PCA components, else the dataset's features), with the reps the model resolves (kernel: reps
// or 1; vqc re-uploading: reps as layers, default 2; other vqc encodings: the encoding's
// defaults, reps being the ansatz's).
struct EncodingPreview {
    encoding::Kind kind = encoding::Kind::ZZ;
    int features = 0;
    encoding::Options options;
    std::optional<encoding::Resources> resources;
    std::optional<encoding::Kind> ansatz;           // vqc: the ansatz the model uses (none: reupload / kernel)
    std::optional<encoding::Resources> ansatzResources;
    QString error;                                   // why there is no preview
};
EncodingPreview encodingPreview(const pilot::Pilot& pilot, int datasetFeatures);

class PilotEditor : public QWidget {
    Q_OBJECT
public:
    explicit PilotEditor(QWidget* parent = nullptr);
    ~PilotEditor() override;

    // Loads a pilot (clears the undo stack). `baseDir`: where its relative paths resolve.
    void setPilot(const pilot::Pilot& pilot, const QString& baseDir);
    pilot::Pilot pilot() const { return m_pilot; }
    QUndoStack* undoStack() const { return m_undo; }
    // No validation problem and no field with text that does not parse.
    bool isValid() const;

    // The current problems as "field: message" (validatePilot plus unparsable fields).
    QStringList problems() const;
    // The problem shown under a field ("" when none); `field` as in validation paths ("shots").
    QString fieldMessage(const QString& field) const;
    // The encoding page's preview as currently shown.
    const EncodingPreview& preview() const { return m_preview; }
    DatasetPreviewModel* datasetPreview() const { return m_datasetModel; }
    DeviceProfilesModel* devicesModel() const { return m_devicesModel; }
    // Pages: "Overview", "Dataset", "Encoding", "Model", "Devices", "Execution", "Objectives",
    // "Cost", "Thresholds".
    QStringList pageNames() const;
    void showPage(const QString& name);
    // One undoable edit of the field at `path` (a validation path: "cost.price_files"): `change`
    // applied to a copy of the pilot; nothing is pushed when it changes nothing. `mergeable`: a
    // later edit of the same field merges into this one (typing).
    void edit(const QString& path, const std::function<void(pilot::Pilot&)>& change, bool mergeable = false);

signals:
    void pilotEdited();

private:
    struct Field {
        QString path;
        QWidget* editor = nullptr;
        QLabel* message = nullptr;
        int page = 0;
        std::function<void()> load;   // pilot → widget
    };

    // Building.
    QWidget* addPage(const QString& name, const QString& intro);
    QFormLayout* addGroup(const QString& title);
    QWidget* wrap(QWidget* editor, const QString& path);
    Field& addField(const QString& path, QWidget* editor, std::function<void()> load);
    void addText(QFormLayout* form, const QString& label, const QString& path, std::function<QString(const pilot::Pilot&)> get,
                 std::function<std::optional<QString>(pilot::Pilot&, const QString&)> set, const QString& placeholder = {});
    void addInt(QFormLayout* form, const QString& label, const QString& path, int min, int max,
                std::function<int(const pilot::Pilot&)> get, std::function<void(pilot::Pilot&, int)> set,
                const QString& suffix = {}, const QString& special = {});
    void addDouble(QFormLayout* form, const QString& label, const QString& path, double min, double max, int decimals,
                   std::function<double(const pilot::Pilot&)> get, std::function<void(pilot::Pilot&, double)> set,
                   const QString& suffix = {});
    QComboBox* addChoice(QFormLayout* form, const QString& label, const QString& path,
                         const std::vector<std::pair<QString, QString>>& items, // shown, value
                         std::function<QString(const pilot::Pilot&)> get, std::function<void(pilot::Pilot&, const QString&)> set);
    void addCheck(QFormLayout* form, const QString& label, const QString& path, std::function<bool(const pilot::Pilot&)> get,
                  std::function<void(pilot::Pilot&, bool)> set);
    void buildOverview();
    void buildDataset();
    void buildEncoding();
    void buildModel();
    void buildDevices();
    void buildExecution();
    void buildObjectives();
    void buildCost();
    void buildThresholds();

    // Editing.
    void applyPilot(const pilot::Pilot& pilot);
    void setParseError(const QString& path, const QString& message);
    void refreshDataset();
    void refreshPreview();
    void revalidate();

    pilot::Pilot m_pilot;
    QUndoStack* m_undo = nullptr;
    bool m_loading = false;
    std::vector<Field> m_fields;
    QHash<QString, QString> m_parseErrors;
    QStringList m_problems;
    QHash<QString, QString> m_fieldMessages;

    QLabel* m_heading = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_pages = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::vector<QVBoxLayout*> m_pageLayouts;
    std::vector<QLabel*> m_pageMessages;  // problems of a page not tied to a field
    QStringList m_pageNames;

    // Dataset page.
    DatasetPreviewModel* m_datasetModel = nullptr;
    QLabel* m_datasetInfo = nullptr;
    QString m_datasetKey;
    std::optional<ml::DatasetSource> m_dataset;
    QString m_datasetError;

    // Encoding page.
    EncodingPreview m_preview;
    QLabel* m_previewQubits = nullptr;
    QLabel* m_previewTwoQubit = nullptr;
    QLabel* m_previewDepth = nullptr;
    QLabel* m_previewDetail = nullptr;
    QCustomPlot* m_curve = nullptr;

    // Devices page.
    DeviceProfilesModel* m_devicesModel = nullptr;
    QTableView* m_devicesView = nullptr;
    QLabel* m_devicesSummary = nullptr;

    QLabel* m_mitigationText = nullptr;
};

} // namespace qpilot
