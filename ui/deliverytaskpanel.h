// The row under the deliveries filter that shows the tab's one background task: what it does, how far, Cancel.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// One task at a time: whoever starts one first asks isIdle(). Hidden while there is none.
class DeliveryTaskPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Task { None, Export, Purge, FindingFailed, Redelivering };
    Q_ENUM(Task)

    explicit DeliveryTaskPanel(QWidget *parent = nullptr);

    Task task() const { return m_task; }
    bool isIdle() const { return m_task == Task::None; }
    // Shows task with its label, busy until the first progress says how much there is; None hides the panel.
    void setTask(Task task, const QString &label = {});
    // What the task says of its progress; Cancel still names the task as setTask() did.
    void setLabel(const QString &label);
    void setProgress(qint64 done, qint64 total);
    // Cancel was asked for: the task stops after the step in hand, and the panel says so meanwhile.
    void showStopping();

    QLabel *label() const { return m_label; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancelButton; }

signals:
    void cancelClicked();
    void taskChanged(DeliveryTaskPanel::Task task);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Task m_task = Task::None;
    QString m_text;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
};
