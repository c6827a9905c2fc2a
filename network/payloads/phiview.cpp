// Clearing an event down to what a PHI level allows, and the readable texts the chat formats share.
#include "network/payloads/phiview.h"

#include "models/domain/payloadtext.h"

#include "models/domain/eventtype.h"

#include <QTextBoundaryFinder>

PhiView::PhiView(const Event &event, PhiLevel level)
    : m_event(event), m_level(level)
{
    if (m_event.patient)
        m_initials = m_event.patient->initials();
    if (level == PhiLevel::Full)
        return;

    if (m_event.patient && level == PhiLevel::Limited)
        m_event.patient = EventPatient{m_event.patient->mrn, {}, {}, {}};
    else
        m_event.patient.reset();
    if (level == PhiLevel::None)
        m_initials.clear();

    if (m_event.report) {
        EventReport &report = *m_event.report;
        report.conclusion.clear();
        report.pdf.reset();
        if (level == PhiLevel::None) {
            report.clinic.clear();
            report.physician.clear();
        }
    }
    if (m_event.battery)
        m_event.battery->serial.clear();
    if (m_event.task) {
        m_event.task->title.clear();
        if (level == PhiLevel::None)
            m_event.task->assignee.clear();
    }
}

QString PhiView::patientLabel() const
{
    if (!m_event.patient)
        return {};
    return m_level == PhiLevel::Full ? m_event.patient->fullName() : m_initials;
}

QJsonObject PhiView::dataJson() const
{
    QJsonObject data = m_event.toJsonObject();
    data.remove(QStringLiteral("id"));
    data.remove(QStringLiteral("type"));
    data.remove(QStringLiteral("timestamp"));
    if (m_event.patient && !m_initials.isEmpty()) {
        QJsonObject patient = data.value(QStringLiteral("patient")).toObject();
        patient.insert(QStringLiteral("initials"), m_initials);
        data.insert(QStringLiteral("patient"), patient);
    }
    return data;
}

QString PhiView::title() const
{
    const Event &e = m_event;
    const QString kind = e.report ? EventTexts::reportKind(e.report->kind) : QString();
    if (e.type == QLatin1String("report.created"))
        return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "New report: %1")).arg(kind);
    if (e.type == QLatin1String("report.completed"))
        return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Report signed off: %1")).arg(kind);
    if (e.type == QLatin1String("battery.low") && e.battery)
        return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Battery low: %1 %")).arg(e.battery->percentage);
    if (e.type == QLatin1String("battery.critical") && e.battery)
        return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Battery critical: %1 %")).arg(e.battery->percentage);
    const QString taskTitle = e.task ? e.task->title : QString();
    if (e.type == QLatin1String("task.created"))
        return taskTitle.isEmpty() ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "New follow-up task")) : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "New task: %1")).arg(taskTitle);
    if (e.type == QLatin1String("task.due"))
        return taskTitle.isEmpty() ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Follow-up task due today")) : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Due today: %1")).arg(taskTitle);
    // Dates rather than counts of days: a count needs plural forms that English source texts do not have.
    if (e.type == QLatin1String("task.overdue") && e.task) {
        const QString due = formatDate(e.task->dueDate);
        return taskTitle.isEmpty() ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Follow-up task overdue since %1")).arg(due)
                                   : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Overdue since %1: %2")).arg(due, taskTitle);
    }
    if (e.webhook) {
        if (e.type == QLatin1String("webhook.failing"))
            return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Webhook failing: %1")).arg(e.webhook->name);
        if (e.type == QLatin1String("webhook.disabled"))
            return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Webhook switched off: %1")).arg(e.webhook->name);
        if (e.type == QLatin1String("webhook.recovered"))
            return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Webhook delivering again: %1")).arg(e.webhook->name);
        if (e.type == QLatin1String("delivery.exhausted"))
            return PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Event not delivered to %1")).arg(e.webhook->name);
    }
    return e.type;
}

QString PhiView::linkLabel() const
{
    return m_event.webhook ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "What to do")) : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Open in goReporter"));
}

QString PhiView::description() const
{
    const EventType *type = EventCatalog::find(m_event.type);
    return type ? PayloadText::translated("EventCatalog", type->description.toUtf8().constData()) : QString();
}

QString PhiView::summary() const
{
    const Event &e = m_event;
    QStringList parts;
    if (e.battery) {
        parts.append(QStringList{e.battery->manufacturer, e.battery->model}.join(QLatin1Char(' ')).trimmed());
        parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "battery %1 %, %2")).arg(e.battery->percentage).arg(EventTexts::batteryStatus(e.battery->status)));
        if (e.battery->longevityMonths)
            parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "estimated longevity %1 mo")).arg(*e.battery->longevityMonths));
    } else if (e.report) {
        parts.append(EventTexts::reportKind(e.report->kind) + QLatin1Char(' ') + e.report->id);
        parts.append(EventTexts::reportStatus(e.report->status));
    }
    if (e.task) {
        parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Task %1")).arg(e.task->id));
        parts.append(EventTexts::taskPriority(e.task->priority));
        parts.append(e.task->daysOverdue > 0 ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "overdue since %1")).arg(formatDate(e.task->dueDate))
                                             : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "due %1")).arg(formatDate(e.task->dueDate)));
    }
    if (e.patient)
        parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "patient %1 (MRN %2)")).arg(patientLabel(), e.patient->mrn));
    if (e.delivery)
        parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "%1 event %2 given up (attempts: %3)")).arg(e.delivery->eventType, e.delivery->eventId).arg(e.delivery->attempts));
    if (e.webhook) {
        const EventWebhookAlert &w = *e.webhook;
        if (w.disabledBecause == QLatin1String("gone"))
            parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "its receiver answered 410 Gone")));
        else if (w.disabledBecause == QLatin1String("failing"))
            parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "switched off after failing for too long")));
        if (w.failingSince.isValid())
            parts.append((e.type == QLatin1String("webhook.recovered") ? PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "delivered again after failing since %1 (failed attempts: %2)"))
                                                                         : PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "failing since %1 (failed attempts: %2)")))
                             .arg(formatTime(w.failingSince)).arg(w.consecutiveFailures));
        if (w.disableAt.isValid())
            parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "to be switched off at %1 unless an attempt succeeds")).arg(formatTime(w.disableAt)));
        if (!w.lastError.isEmpty() && !e.delivery)
            parts.append(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "last error: %1")).arg(w.lastError));
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

QList<QPair<QString, QString>> PhiView::facts() const
{
    const Event &e = m_event;
    QList<QPair<QString, QString>> facts;
    auto add = [&facts](const QString &label, const QString &value) {
        if (!value.isEmpty())
            facts.append({label, value});
    };
    if (e.patient) {
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Patient")), patientLabel());
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "MRN")), e.patient->mrn);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Born")), formatDate(e.patient->birthDate));
    }
    if (e.battery) {
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Device")), QStringList{e.battery->manufacturer, e.battery->model}.join(QLatin1Char(' ')).trimmed());
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Serial number")), e.battery->serial);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Battery")), PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "%1 %")).arg(e.battery->percentage));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Battery status")), EventTexts::batteryStatus(e.battery->status));
        if (e.battery->longevityMonths)
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Estimated longevity (months)")), QString::number(*e.battery->longevityMonths));
    }
    if (e.task) {
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Task")), e.task->id);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Title")), e.task->title);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Priority")), EventTexts::taskPriority(e.task->priority));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Due")), formatDate(e.task->dueDate));
        if (e.task->daysOverdue > 0)
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Days overdue")), QString::number(e.task->daysOverdue));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Assigned to")), e.task->assignee);
    }
    if (e.report) {
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Report")), e.report->id);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Report type")), EventTexts::reportKind(e.report->kind));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Report status")), EventTexts::reportStatus(e.report->status));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Clinic")), e.report->clinic);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Physician")), e.report->physician);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Created")), formatTime(e.report->createdAt));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Signed off")), formatTime(e.report->completedAt));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Conclusion")), e.report->conclusion);
    }
    if (e.webhook) {
        const EventWebhookAlert &w = *e.webhook;
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Webhook")), w.name);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Integration")), w.integration);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Sends to")), w.host);
        if (w.failingSince.isValid()) {
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Failing since")), formatTime(w.failingSince));
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Failed attempts")), QString::number(w.consecutiveFailures));
        }
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Last error")), w.lastError);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "To be switched off at")), formatTime(w.disableAt));
        if (w.disabledBecause == QLatin1String("gone"))
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Switched off because")), PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "its receiver answered 410 Gone")));
        else if (w.disabledBecause == QLatin1String("failing"))
            add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Switched off because")), PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "it failed for too long")));
    }
    if (e.delivery) {
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Event type")), e.delivery->eventType);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Event")), e.delivery->eventId);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Message id (webhook-id)")), e.delivery->messageId);
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Attempts")), QString::number(e.delivery->attempts));
        add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Last error")), e.delivery->lastError);
    }
    add(PayloadText::translated("PhiView", QT_TRANSLATE_NOOP("PhiView", "Event time")), formatTime(e.timestamp));
    return facts;
}

QString PhiView::formatTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString PhiView::formatDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

namespace TextCut {

qsizetype boundaryAtOrBefore(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text.size();
    if (maxLength <= 0)
        return 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(maxLength);
    if (finder.isAtBoundary())
        return maxLength;
    const qsizetype previous = finder.toPreviousBoundary();
    return previous < 0 ? 0 : previous;
}

QString cut(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text;
    return text.left(boundaryAtOrBefore(text, maxLength - 1)) + QChar(ellipsis);
}

} // namespace TextCut
