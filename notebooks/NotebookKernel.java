import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its {@code MainApp} does, without its two start-up races. Either
 * one leaves a kernel that never answers Jupyter: with both cores of a 2-core machine kept busy, 8 of 90
 * starts.
 *
 * <ul>
 *   <li>{@code LoopThread.start} starts the thread before it sets {@code running}, so a channel's thread
 *       that reads the flag first ends at once. Each loop thread is therefore stopped and replaced by one
 *       whose flag is set before it starts.
 *   <li>{@code Channels.connect} starts those threads before it creates the map of message handlers, so a
 *       {@code kernel_info_request} that arrives in between kills the shell thread with a
 *       NullPointerException. An empty map put in place beforehand makes such a request merely unhandled;
 *       Jupyter sends it again a second later.
 * </ul>
 *
 * <p>Run by {@code notebooks/run} in source-file mode, with the kernel jar on the class path.
 */
public final class NotebookKernel {

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NotebookKernel CONNECTION_FILE");
    }
    LogManager.getLogManager()
        .readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
    Path connectionFile = Path.of(args[0]);
    if (!Files.isRegularFile(connectionFile)) {
      throw new IllegalArgumentException("connection file not found: " + connectionFile);
    }
    ConnectionProperties properties =
        Transform.fromJson(Files.readString(connectionFile), ConnectionProperties.class);
    Channels channels = new Channels(properties);
    field(Channels.class, "handlers").set(channels, new HashMap<>());
    channels.connect(MainApp.kernel);
    List<Object> looping = new ArrayList<>();
    for (String name : List.of("shell", "control", "heartbeat")) {
      looping.add(field(Channels.class, name).get(channels));
    }
    // All stopped before any is waited for: a shell thread busy with an early request must not hold up
    // the control thread, which carries interrupts.
    for (Object channel : looping) {
      loop(channel).shutdown();
    }
    for (Object channel : looping) {
      restartLoop(channel);
    }
    channels.joinUntilClose();
  }

  private static LoopThread loop(Object channel) throws ReflectiveOperationException {
    return (LoopThread) field(channel.getClass(), "loopThread").get(channel);
  }

  /** Replaces the channel's stopped loop thread, once it has ended, by one that runs the same loop. */
  private static void restartLoop(Object channel) throws ReflectiveOperationException, InterruptedException {
    LoopThread old = loop(channel);
    old.join();
    LoopThread fresh = new LoopThread(old.getName(),
        (long) field(LoopThread.class, "sleep").get(old),
        (Runnable) field(LoopThread.class, "loopBody").get(old));
    field(LoopThread.class, "running").set(fresh, true);
    field(channel.getClass(), "loopThread").set(channel, fresh);
    fresh.start();
  }

  private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
