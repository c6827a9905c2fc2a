// The threads that outlive the objects that started them: started, deleted once finished, joined at exit.
#pragma once

#include <QString>

#include <functional>

class QThread;

// Owners of background work (the deliveries model's worker, a delivery-log task, the NOTIFY listener) never wait
// for their thread: they cancel what it runs, ask it to end and let go. This registry owns those threads. It
// deletes each one in the GUI thread once it has finished, and when the QCoreApplication is destroyed it asks
// every thread still there to quit and waits for them, bounded, so that none outlives the application (and no
// sanitizer finds one half-destroyed). Call it from the GUI thread only.
namespace BackgroundThreads {

// Takes thread over (created in this thread, not started, without a parent) and starts it.
void start(QThread *thread);
// Runs function in a new thread of the registry named name (what a debugger and `top -H` show).
void run(const QString &name, std::function<void()> function);
// Threads started here that have not been deleted yet.
int count();
// Asks every thread to quit (an event loop ends; a function ends when its owner's cancellation reaches it),
// waits up to timeoutMs for them to finish and deletes those that did. True when none is left. Runs by itself
// while the QCoreApplication is being destroyed, in main() and in every test alike.
bool finishAll(int timeoutMs);

} // namespace BackgroundThreads
