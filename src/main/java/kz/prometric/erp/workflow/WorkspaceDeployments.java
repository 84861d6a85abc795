package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A workspace's own versions of processes, decision tables and forms, deployed as a
 * deployment of the workspace's tenant.
 * <p>
 * <b>Every workspace deployment is complete.</b> Processes bind their forms with
 * {@code formRefBinding="deployment"}, so a deployment holding only a changed BPMN would
 * have no forms. Whatever deploys into a workspace (Camunda Modeler through
 * {@code /engine-rest/deployment/create}, {@code POST
 * /api/workspaces/{ws}/process-deployments}), {@link #complete} adds to the uploaded
 * files the workspace's own newest files of every other key (so its own processes get its
 * own forms, and keep them), and the shared default of every form it does not have
 * itself, under the name {@value #DEFAULTS}{@code <name>}. The prefix marks a carried
 * copy, which the lookup ({@link WorkspaceDefinitions}) never counts as the workspace's
 * own. Processes and tables the workspace did not change are not copied: they stay shared
 * (a definition key gets a version in the workspace's tenant only when the workspace
 * changes it), the lookup chooses them for the workspace, and call activities find their
 * called process through the lookup ({@code camunda:calledElementTenantId}). A changed
 * form applies to the workspace's own processes: deploy it with the process that uses it.
 * <p>
 * <b>What may be deployed</b> ({@link #refuseUnsafe}, for every deployment, shared ones
 * included): only {@code .bpmn}, {@code .dmn} and {@code .form} files; no script tasks,
 * scripts (listeners, conditions, input/output, DMN expressions in a script language) or
 * Java class names ({@code camunda:class}), and no expression reaching Java reflection.
 * This is the minimal guard: expressions are not yet limited to allow-listed beans (issue
 * 13, part 3).
 */
@Component
class WorkspaceDeployments {

	/** The source of deployments through the ERP's endpoint for process owners. */
	static final String API_SOURCE = "prometric-erp-api";

	/** Prefix of the files a workspace deployment carries from the shared defaults. */
	static final String DEFAULTS = "defaults/";

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
			"https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20191111/feel/");

	/** An expression in a BPMN attribute or text; group 1 is its body. */
	static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("[$#]\\{(.*?)}",
			java.util.regex.Pattern.DOTALL);

	/** A bracket whose content is not a text or a number literal. */
	private static final java.util.regex.Pattern RUN_TIME_PROPERTY = java.util.regex.Pattern
		.compile("\\[(?!\\s*(?:'[^']*'|\"[^\"]*\"|\\d+)\\s*])");

	private static final List<String> REFLECTION = List.of("getclass", "class.", ".class", "forname", "classloader",
			"getmethod", "invoke(", "runtime", "processbuilder", "processengine", "getbean", "[\"class", "['class",
			"applicationcontext", "newinstance", "system.", "javax.script", "scriptengine");

	/**
	 * The newest file of each key among the shared defaults (deployments of the
	 * application's folders, without tenant).
	 */
	private static final String SHARED_FILES = """
			select key_, name_, bytes_ from (
			  select f.kind || f.key_ as key_, b.name_, b.bytes_,
			         row_number() over (partition by f.kind, f.key_ order by f.version_ desc) as n
			    from (select 'P:' as kind, key_, version_, deployment_id_, resource_name_ from act_re_procdef where tenant_id_ is null
			          union all select 'D:', key_, version_, deployment_id_, resource_name_ from act_re_decision_def where tenant_id_ is null
			          union all select 'F:', key_, version_, deployment_id_, resource_name_ from act_re_camformdef where tenant_id_ is null) f
			    join act_re_deployment d on d.id_ = f.deployment_id_ and d.name_ = ?
			    join act_ge_bytearray b on b.deployment_id_ = f.deployment_id_ and b.name_ = f.resource_name_) x
			 where n = 1
			""";

	/** The newest file of each key the workspace has (own or carried). */
	private static final String TENANT_FILES = """
			select key_, name_, bytes_ from (
			  select f.kind || f.key_ as key_, b.name_, b.bytes_,
			         row_number() over (partition by f.kind, f.key_ order by f.version_ desc) as n
			    from (select 'P:' as kind, key_, version_, deployment_id_, resource_name_ from act_re_procdef where tenant_id_ = ?
			          union all select 'D:', key_, version_, deployment_id_, resource_name_ from act_re_decision_def where tenant_id_ = ?
			          union all select 'F:', key_, version_, deployment_id_, resource_name_ from act_re_camformdef where tenant_id_ = ?) f
			    join act_ge_bytearray b on b.deployment_id_ = f.deployment_id_ and b.name_ = f.resource_name_) x
			 where n = 1
			""";

	/** Set while {@link #deployDefaults} deploys (on this thread). */
	private static final ThreadLocal<Boolean> COPYING_DEFAULTS = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	private final ObjectMapper mapper;

	private final RepositoryService repository;

	WorkspaceDeployments(JdbcTemplate jdbc, ObjectMapper mapper, RepositoryService repository) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.repository = repository;
	}

	/**
	 * Deploys the files into the workspace's tenant (the ERP endpoint; the caller's right
	 * is checked by the caller). Nothing new is deployed when nothing changed.
	 */
	DeploymentWithDefinitions deploy(UUID workspaceId, String name, Map<String, byte[]> files) {
		var builder = this.repository.createDeployment().tenantId(workspaceId.toString()).name(name).source(API_SOURCE);
		files.forEach((fileName, bytes) -> builder.addInputStream(fileName, new ByteArrayInputStream(bytes)));
		return builder.deployWithResult();
	}

	/**
	 * Deploys copies of shared defaults into the workspace's tenant, named under
	 * {@value #DEFAULTS} (the way back to the default, {@link ProcessVersions}): the one
	 * caller whose files {@link #complete} accepts under that prefix. The caller checks
	 * the right and that the bytes are the shared default's.
	 */
	DeploymentWithDefinitions deployDefaults(UUID workspaceId, String name, Map<String, byte[]> copies) {
		COPYING_DEFAULTS.set(Boolean.TRUE);
		try {
			var builder = this.repository.createDeployment()
				.tenantId(workspaceId.toString())
				.name(name)
				.source("prometric-erp-reset");
			copies.forEach((fileName, bytes) -> builder.addInputStream(fileName, new ByteArrayInputStream(bytes)));
			return builder.deployWithResult();
		}
		finally {
			COPYING_DEFAULTS.remove();
		}
	}

	/**
	 * Completes a workspace deployment with the files it does not bring (see the class
	 * comment) and makes it deploy everything when anything changed against the
	 * workspace's current set, or nothing when nothing did.
	 */
	void complete(DeploymentBuilderImpl builder) {
		String tenant = builder.getDeployment().getTenantId();
		Map<String, ResourceEntity> uploaded = builder.getDeployment().getResources();
		if (tenant == null || uploaded == null || uploaded.isEmpty()) {
			return;
		}
		Set<String> brought = new LinkedHashSet<>();
		for (ResourceEntity resource : uploaded.values()) {
			if (resource.getName().startsWith(DEFAULTS) && !Boolean.TRUE.equals(COPYING_DEFAULTS.get())) {
				throw new DeploymentRefused(List.of(resource.getName() + ": names under '" + DEFAULTS
						+ "' are kept for the shared defaults a workspace deployment carries"));
			}
			brought.addAll(keysOf(resource.getName(), resource.getBytes()));
		}
		Map<String, StoredFile> own = new LinkedHashMap<>();
		for (StoredFile file : files(TENANT_FILES, tenant, tenant, tenant)) {
			if (!file.name().startsWith(DEFAULTS)) {
				own.put(file.key(), file);
			}
		}
		Map<String, byte[]> carried = new LinkedHashMap<>();
		own.forEach((key, file) -> {
			if (!brought.contains(key)) {
				carried.putIfAbsent(file.name(), file.bytes());
			}
		});
		for (StoredFile shared : files(SHARED_FILES, ProcessResourcesDeployer.DEPLOYMENT_NAME)) {
			if (shared.key().startsWith("F:") && !brought.contains(shared.key()) && !own.containsKey(shared.key())) {
				carried.putIfAbsent(DEFAULTS + shared.name(), shared.bytes());
			}
		}
		carried.forEach((name, bytes) -> {
			if (!uploaded.containsKey(name)) {
				builder.addInputStream(name, new ByteArrayInputStream(bytes));
			}
		});
		// the whole set or nothing: a partial workspace deployment would lack forms
		setDuplicateFiltering(builder, false);
		unlessUnchanged(builder, tenant);
	}

	/**
	 * When the completed set is exactly the workspace's newest deployment (Deploy clicked
	 * twice), lets the engine's duplicate filter answer that deployment instead of
	 * deploying new versions: same name and source as it, filtering on.
	 */
	private void unlessUnchanged(DeploymentBuilderImpl builder, String tenant) {
		List<Map<String, Object>> newest = this.jdbc.queryForList(
				"select id_, name_, source_ from act_re_deployment where tenant_id_ = ? order by deploy_time_ desc limit 1",
				tenant);
		if (newest.isEmpty() || newest.get(0).get("name_") == null || newest.get(0).get("source_") == null) {
			return;
		}
		Map<String, byte[]> existing = new LinkedHashMap<>();
		this.jdbc.query("select name_, bytes_ from act_ge_bytearray where deployment_id_ = ?", (ResultSet row) -> {
			existing.put(row.getString(1), row.getBytes(2));
		}, newest.get(0).get("id_"));
		Map<String, ResourceEntity> candidate = builder.getDeployment().getResources();
		boolean same = existing.size() == candidate.size() && candidate.values()
			.stream()
			.allMatch(r -> existing.containsKey(r.getName()) && Arrays.equals(existing.get(r.getName()), r.getBytes()));
		if (same) {
			builder.name((String) newest.get(0).get("name_"));
			builder.source((String) newest.get(0).get("source_"));
			builder.enableDuplicateFiltering(false);
		}
	}

	/**
	 * Refuses what could run arbitrary code on the server; lists every reason.
	 */
	static void refuseUnsafe(Map<String, byte[]> files) {
		List<String> reasons = new ArrayList<>();
		files.forEach((name, bytes) -> reasons.addAll(unsafe(name, bytes)));
		if (!reasons.isEmpty()) {
			throw new DeploymentRefused(reasons);
		}
	}

	static List<String> unsafe(String name, byte[] bytes) {
		String lower = name.toLowerCase(Locale.ROOT);
		List<String> reasons = new ArrayList<>();
		if (lower.endsWith(".form")) {
			return reasons;
		}
		boolean bpmn = isBpmn(name);
		boolean dmn = isDmn(name);
		if (!bpmn && !dmn) {
			reasons.add(name + ": only .bpmn, .dmn and .form files may be deployed");
			return reasons;
		}
		Document document;
		try {
			document = parseXml(bytes);
		}
		catch (Exception ex) {
			reasons.add(name + ": not well-formed XML");
			return reasons;
		}
		walk(name, document.getDocumentElement(), dmn, reasons);
		return reasons;
	}

	private static void walk(String file, Element element, boolean dmn, List<String> reasons) {
		String local = element.getLocalName();
		String id = element.hasAttribute("id") ? element.getAttribute("id") : local;
		if ("scriptTask".equals(local) && BPMN_NS.equals(element.getNamespaceURI())) {
			reasons.add(file + ": " + id + " is a script task; scripts are not allowed");
		}
		if ("script".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI())) {
			reasons.add(file + ": " + id + " has a script; scripts are not allowed");
		}
		var attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			String name = attribute.getLocalName();
			String value = attribute.getNodeValue();
			if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && "class".equals(name)) {
				reasons.add(file + ": " + id + " names a Java class (camunda:class); use a delegate bean");
			}
			if (CAMUNDA_NS.equals(attribute.getNamespaceURI())
					&& ("resource".equals(name) || "scriptFormat".equals(name))) {
				reasons.add(file + ": " + id + " refers to a script or an external resource (camunda:" + name + ")");
			}
			boolean language = dmn ? "expressionLanguage".equals(name) : "language".equals(name);
			if (language && !value.isBlank() && !(dmn && FEEL.contains(value.strip().toLowerCase(Locale.ROOT)))) {
				reasons.add(file + ": " + id + " uses the expression language '" + value + "'; "
						+ (dmn ? "decision tables use FEEL" : "scripts are not allowed"));
			}
			if ("scriptFormat".equals(name) && !CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
				reasons.add(file + ": " + id + " has a script; scripts are not allowed");
			}
			reflection(file, id, value, reasons);
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child instanceof Element childElement) {
				walk(file, childElement, dmn, reasons);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				reflection(file, id, child.getNodeValue(), reasons);
			}
		}
	}

	private static void reflection(String file, String id, String text, List<String> reasons) {
		if (text == null || !(text.contains("${") || text.contains("#{"))) {
			return;
		}
		var expressions = EXPRESSION.matcher(text);
		while (expressions.find()) {
			if (RUN_TIME_PROPERTY.matcher(expressions.group(1)).find()) {
				// execution[name] with a name from a variable could reach any property,
				// the engine's services among them, past the words checked below
				reasons.add(file + ": " + id + " reads a property named at run time ('[…]'); "
						+ "write the property's name, or a text or number in the brackets");
				return;
			}
		}
		String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
		for (String word : REFLECTION) {
			if (lower.contains(word)) {
				reasons.add(file + ": " + id + " has an expression reaching Java itself ('" + word.strip() + "')");
				return;
			}
		}
	}

	/**
	 * The definition keys a file deploys: {@code P:<process id>},
	 * {@code D:<decision id>}, {@code F:<form id>}.
	 */
	private Set<String> keysOf(String name, byte[] bytes) {
		String lower = name.toLowerCase(Locale.ROOT);
		Set<String> keys = new LinkedHashSet<>();
		try {
			if (lower.endsWith(".form")) {
				JsonNode id = this.mapper.readTree(bytes).get("id");
				if (id != null && id.isTextual()) {
					keys.add("F:" + id.asText());
				}
				return keys;
			}
			Element root = parseXml(bytes).getDocumentElement();
			String kind = isDmn(name) ? "decision" : "process";
			NodeList children = root.getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				if (children.item(i) instanceof Element child && kind.equals(child.getLocalName())
						&& child.hasAttribute("id")) {
					keys.add((kind.equals("process") ? "P:" : "D:") + child.getAttribute("id"));
				}
			}
		}
		catch (Exception ex) {
			// not parseable: the deployment fails on it anyway (refuseUnsafe, or the
			// engine's parser)
		}
		return keys;
	}

	/**
	 * The newest shared default of every key, as {@code <kind>:<key>@<resource name>}
	 * ({@code P:}, {@code D:}, {@code F:}) → content.
	 */
	Map<String, byte[]> sharedFiles() {
		Map<String, byte[]> shared = new LinkedHashMap<>();
		files(SHARED_FILES, ProcessResourcesDeployer.DEPLOYMENT_NAME)
			.forEach(file -> shared.put(file.key() + "@" + file.name(), file.bytes()));
		return shared;
	}

	private List<StoredFile> files(String sql, Object... arguments) {
		return this.jdbc.query(sql, (row, n) -> new StoredFile(row.getString(1), row.getString(2), row.getBytes(3)),
				arguments);
	}

	static boolean isBpmn(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
	}

	static boolean isDmn(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
	}

	/**
	 * A deployed file's XML, parsed without what a hostile file could use (no DTD, so no
	 * external entities; no XInclude).
	 */
	static Document parseXml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	static void setDuplicateFiltering(DeploymentBuilderImpl builder, boolean enabled) {
		try {
			Field field = DeploymentBuilderImpl.class.getDeclaredField("isDuplicateFilterEnabled");
			field.setAccessible(true);
			field.setBoolean(builder, enabled);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Camunda's DeploymentBuilderImpl changed", ex);
		}
	}

	private record StoredFile(String key, String name, byte[] bytes) {
	}

}
