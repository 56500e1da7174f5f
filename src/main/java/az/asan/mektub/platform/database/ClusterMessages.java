package az.asan.mektub.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Short messages between the app's nodes, through PostgreSQL itself ({@code LISTEN/NOTIFY}): every node
 * shares the one database, so no broker is needed. {@link #send} inside a transaction sends when it
 * commits (and never if it rolls back); messages of the same few milliseconds go in one notification,
 * so a rush of adoptions costs one statement per batch, not one each. Each other node gets each message
 * as a {@link ClusterMessage} event within a fraction of a second. A node never receives its own
 * messages: it acts on its own changes at once.
 * <p>
 * The listener holds one connection of its own. When it is lost (the database restarts, the network
 * drops) the loss is logged, the listener reconnects every few seconds, and what nodes keep falls back
 * to its own few seconds meanwhile (every kept page expires by itself).
 */
@Component
public class ClusterMessages implements SmartLifecycle {

	/** The PostgreSQL channel. */
	static final String CHANNEL = "asan_cluster";

	/** What another node sent: a topic its module owns, and text in that module's own format. */
	public record ClusterMessage(String topic, String text) {
	}

	private static final Logger log = LoggerFactory.getLogger(ClusterMessages.class);

	private static final Duration RECONNECT = Duration.ofSeconds(3);

	/** This node's name in its messages, so that it can skip its own. */
	private final String node = UUID.randomUUID().toString();

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private volatile Thread listener;

	private volatile Thread sender;

	/** Messages waiting for the sender: topic, new line, text. */
	private final java.util.concurrent.BlockingQueue<String> outgoing = new java.util.concurrent.LinkedBlockingQueue<>(100_000);

	/** PostgreSQL takes payloads under 8 000 bytes. */
	static final int MAX_PAYLOAD = 7_500;

	private volatile boolean running;

	ClusterMessages(DataSource dataSource, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.events = events;
	}

	/**
	 * Sends a message to the other nodes: after the current transaction commits (dropped if it rolls
	 * back), or now without one. A topic is the sending module's name for what happened; topic and text
	 * are one line each and short (a letter's code and a few ids).
	 */
	public void send(String topic, String text) {
		if (topic.indexOf('\n') >= 0 || text.indexOf('\n') >= 0 || topic.length() + text.length() > 1_000) {
			throw new IllegalArgumentException("A cluster message is two short lines");
		}
		String message = topic + "\n" + text;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					enqueue(message);
				}

			});
		}
		else {
			enqueue(message);
		}
	}

	private void enqueue(String message) {
		if (!this.outgoing.offer(message)) {
			log.warn("Too many messages wait for the other nodes; one is dropped (their kept pages expire by themselves)");
		}
	}

	/** Sends what waits, a few milliseconds' worth per notification, on a pooled connection of its own. */
	private void sendWaiting() {
		while (this.running || !this.outgoing.isEmpty()) {
			try {
				String first = this.outgoing.poll(1, java.util.concurrent.TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				Thread.sleep(20); // let the same moment's messages join this one
				java.util.List<String> batch = new java.util.ArrayList<>();
				batch.add(first);
				this.outgoing.drainTo(batch, 10_000);
				for (String payload : payloads(this.node, batch)) {
					notify(payload);
				}
			}
			catch (InterruptedException ex) {
				if (!this.running) {
					return;
				}
			}
			catch (SQLException | RuntimeException ex) {
				log.warn("Messages could not be sent to the other nodes ({}); their kept pages expire by themselves",
						ex.getMessage());
			}
		}
	}

	/** The node's name, then its messages (topic and text lines), as few payloads as fit. */
	static java.util.List<String> payloads(String node, java.util.List<String> messages) {
		java.util.List<String> payloads = new java.util.ArrayList<>();
		StringBuilder payload = new StringBuilder(node);
		for (String message : messages) {
			if (payload.length() > node.length()
					&& payload.length() + 1 + message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
				payloads.add(payload.toString());
				payload = new StringBuilder(node);
			}
			payload.append('\n').append(message);
		}
		payloads.add(payload.toString());
		return payloads;
	}

	private void notify(String payload) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				java.sql.PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			statement.setString(1, CHANNEL);
			statement.setString(2, payload);
			statement.execute();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread listening = new Thread(this::listen, "cluster-messages-in");
		listening.setDaemon(true);
		this.listener = listening;
		listening.start();
		Thread sending = new Thread(this::sendWaiting, "cluster-messages-out");
		sending.setDaemon(true);
		this.sender = sending;
		sending.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listening = this.listener;
		if (listening != null) {
			listening.interrupt();
		}
		Thread sending = this.sender;
		if (sending != null) {
			try {
				// what this node changed last is still told to the others
				sending.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Started after the database and the web server's beans, stopped before them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void listen() {
		boolean lost = false;
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (lost) {
					log.info("Messages between the app's nodes are heard again");
					lost = false;
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = pg.getNotifications(1_000);
					if (received == null) {
						// no message within the second: a query makes sure the connection is alive
						if (!connection.isValid(2)) {
							throw new SQLException("The listening connection is no longer valid");
						}
						continue;
					}
					for (PGNotification notification : received) {
						deliver(notification.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				if (!lost) {
					log.warn("Messages between the app's nodes are not heard ({}); pages kept on this node fall back "
							+ "to their own seconds until the listener reconnects", ex.getMessage());
					lost = true;
				}
				try {
					Thread.sleep(RECONNECT.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** A payload as sent: the sending node's name, then topic and text lines, one pair per message. */
	void deliver(String payload) {
		String[] lines = payload.split("\n", -1);
		if (lines.length < 3 || lines[0].equals(this.node)) {
			return;
		}
		for (int i = 1; i + 1 < lines.length; i += 2) {
			try {
				this.events.publishEvent(new ClusterMessage(lines[i], lines[i + 1]));
			}
			catch (RuntimeException ex) {
				log.warn("A message from another node on {} could not be handled", lines[i], ex);
			}
		}
	}

	/** A connection of the listener's own, not one of the pool's (it is held as long as the app runs). */
	private Connection connect() throws SQLException {
		if (this.dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		HikariDataSource unwrapped = this.dataSource.isWrapperFor(HikariDataSource.class)
				? this.dataSource.unwrap(HikariDataSource.class) : null;
		if (unwrapped != null && unwrapped.getJdbcUrl() != null) {
			return DriverManager.getConnection(unwrapped.getJdbcUrl(), unwrapped.getUsername(), unwrapped.getPassword());
		}
		return this.dataSource.getConnection();
	}

}
