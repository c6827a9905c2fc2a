// One recorded delivery attempt in full: outcome and diagnosis, timing, request, response, and its event's timeline.
#pragma once

#include "models/storage/deliverylog.h"
#include "models/storage/dispatchqueue.h"

#include <QWidget>

#include <optional>

class HttpMessageView;
class QLabel;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

class DeliveryDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryDetailPane(QWidget *parent = nullptr);

    // timeline: every attempt of the same event to the same webhook, oldest first (DeliveryLog::timeline).
    // next: the outbox's delivery of that event to that webhook, whose scheduled retry (or end) closes the
    // timeline; scheduleAttempts: the attempts the retry schedule allows in all (0: unknown).
    void showDetail(const DeliveryDetail &detail, const QList<DeliveryListRow> &timeline,
                    const std::optional<OutboxDelivery> &next = std::nullopt, int scheduleAttempts = 0);
    // Nothing selected.
    void clear();
    // The attempt could not be read: why, in place of the detail.
    void showProblem(const QString &message);
    // A note under the outcome, e.g. that the shown attempt is not in the current filter.
    void setNote(const QString &note);

    std::optional<qint64> shownId() const;
    const std::optional<DeliveryDetail> &detail() const { return m_detail; }

    // What a stored outcome means in plain language and what to do about it. storedError is the log's
    // "<key>: <text>"; the status decides for answers that came.
    static QString diagnosis(const DeliveryDetail &detail);

    QLabel *headlineLabel() const { return m_headline; }
    QLabel *outcomeLabel() const { return m_outcome; }
    QLabel *diagnosisLabel() const { return m_diagnosis; }
    QLabel *timingLabel() const { return m_timing; }
    QLabel *noteLabel() const { return m_note; }
    QTreeWidget *timelineView() const { return m_timeline; }
    HttpMessageView *requestView() const { return m_requestView; }
    HttpMessageView *responseView() const { return m_responseView; }

signals:
    // An attempt of the timeline was clicked (or chosen with the keyboard).
    void attemptActivated(qint64 id, qint64 startedAtMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();
    void fillTimeline();
    // The outbox's next step after the attempts: the scheduled retry, or why there is none.
    void addScheduledEnd();

    std::optional<DeliveryDetail> m_detail;
    QList<DeliveryListRow> m_attempts;
    std::optional<OutboxDelivery> m_next;
    int m_scheduleAttempts = 0;
    QString m_problem;
    QString m_noteText;

    QLabel *m_headline;
    QLabel *m_outcome;
    QLabel *m_diagnosis;
    QLabel *m_timing;
    QLabel *m_note;
    QLabel *m_timelineTitle;
    QTreeWidget *m_timeline;
    QLabel *m_placeholder;
    QWidget *m_content;
    QSplitter *m_splitter;
    HttpMessageView *m_requestView;
    HttpMessageView *m_responseView;
};
