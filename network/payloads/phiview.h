// An event as one PHI level lets a payload show it: every formatter reads events only through this view.
#pragma once

#include "models/domain/event.h"
#include "models/domain/webhook.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// What each level keeps (everything else is cleared before any formatter sees the event):
//   none     identifiers, links, times and coded values (report kind and status, battery status, percentage and
//            longevity, device manufacturer and model, task priority, due date, days overdue); no patient, no
//            names of anyone, no free text
//   limited  adds the patient's initials and MRN, the clinic, the physician and the task's assignee
//   full     adds the patient's name and birth date, the device serial number, task titles, the report's
//            conclusion and its PDF
// Operations events carry no patient data: every level shows them whole.
// Free text stays at full because nothing stops a user from typing a patient's name into it; the serial number
// because HIPAA counts device serial numbers among the identifiers a limited data set must leave out.
class PhiView
{
    Q_DECLARE_TR_FUNCTIONS(PhiView)
public:
    PhiView(const Event &event, PhiLevel level);

    const Event &event() const { return m_event; }   // already cleared of what the level does not allow
    PhiLevel level() const { return m_level; }
    bool hasPatient() const { return m_event.patient.has_value(); }
    QString patientInitials() const { return m_initials; }
    // The patient as a reader sees them: full name at full, initials at limited, empty at none.
    QString patientLabel() const;

    // The event as JSON under this level: the keys of Event::toJson, with "initials" for the patient.
    QJsonObject dataJson() const;

    // Readable, translated texts shared by the chat formats.
    QString title() const;        // "Battery critical: 3 %"
    QString description() const;  // the catalogue's description of the event type
    QString summary() const;      // one line: what, which, whom
    QList<QPair<QString, QString>> facts() const;  // label and value, in reading order
    QString linkLabel() const;    // what the event's link opens: "Open in goReporter", or the alerts' page

    static QString formatTime(const QDateTime &dateTime);  // "2026-03-14 09:26 UTC", the same on every workstation
    static QString formatDate(const QDate &date);          // "2026-03-14"

private:
    Event m_event;
    PhiLevel m_level;
    QString m_initials;
};

namespace TextCut {
// The ellipsis that marks every cut, so that a reader sees text is missing.
inline constexpr char16_t ellipsis = u'…';
// text if it has at most maxLength UTF-16 units; otherwise its longest prefix ending on a character boundary
// (never inside an emoji or a combining sequence) followed by "…", maxLength units in all.
QString cut(const QString &text, qsizetype maxLength);
// The largest prefix length of text, at most maxLength units, that ends on a character boundary.
qsizetype boundaryAtOrBefore(const QString &text, qsizetype maxLength);
} // namespace TextCut
