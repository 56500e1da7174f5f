package az.asan.mektub.letter;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

import az.asan.mektub.platform.database.ClusterMessages;
import az.asan.mektub.platform.database.ClusterMessages.ClusterMessage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every module on every node that a letter changed ({@link LetterChanged}, issue 23): Hibernate
 * calls it for each save of the {@link Letter} aggregate, and the letter module's set-based writers
 * (the paper tree, retention, reminders, seeding, imports) call {@link #changed} themselves. On this node
 * the event is published at once and its listeners act when the change commits, so the person who
 * acted sees it on their next page; the other nodes hear it through PostgreSQL
 * ({@link ClusterMessages}) within a fraction of a second and publish it there.
 */
@Component
public class LetterChanges {

	/** The topic of letter changes among the nodes' messages. */
	static final String TOPIC = "letter-changed";

	private final ApplicationEventPublisher events;

	private final ClusterMessages cluster;

	/** Made by Spring, also for Hibernate (Boot hands Hibernate the application's beans as entity listeners). */
	LetterChanges(ApplicationEventPublisher events, ClusterMessages cluster) {
		this.events = events;
		this.cluster = cluster;
	}

	@PostPersist
	@PostUpdate
	void saved(Letter letter) {
		if (letter.getCode() != null) {
			changed(new LetterChanged(letter.getCode(), letter.getRegionId()));
		}
	}

	/** A change made here: this node's listeners (after the commit) and the other nodes hear of it. */
	public void changed(LetterChanged change) {
		this.events.publishEvent(change);
		this.cluster.send(TOPIC, change.text());
	}

	/** A change another node made: told to this node's listeners, not sent on again. */
	@EventListener
	void heard(ClusterMessage message) {
		if (TOPIC.equals(message.topic())) {
			LetterChanged.of(message.text()).ifPresent(this.events::publishEvent);
		}
	}

}
