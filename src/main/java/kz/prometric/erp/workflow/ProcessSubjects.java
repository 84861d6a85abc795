package kz.prometric.erp.workflow;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a module tells the task API about the objects its processes work on: each module
 * that owns a process registers one bean per kind of object. Lookups are by workspace, so
 * a business key that repeats in another workspace never describes that one's object.
 */
public interface ProcessSubjects {

	/** The kind of object, e.g. {@code DEAL}; unique among the beans. */
	String kind();

	/** The keys of the process definitions whose business key names such an object. */
	Set<String> processKeys();

	/**
	 * The objects behind these business keys in the workspace, keyed by business key;
	 * keys it does not know are left out. One query for the whole page of tasks.
	 */
	Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys);

	/**
	 * The business key of an object of this kind in the workspace, if it exists there.
	 */
	Optional<String> businessKeyOf(UUID workspaceId, UUID objectId);

	/**
	 * What the business says about a task of this object's process as it is created: when
	 * it is due, whether the object is of high value, and read-only values its form shows
	 * (set on the task, never typed by a person). Nothing by default.
	 */
	default TaskSetting taskSetting(UUID workspaceId, String businessKey, String taskDefinitionKey) {
		return TaskSetting.NONE;
	}

}
