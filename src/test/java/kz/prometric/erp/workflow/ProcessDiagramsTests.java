package kz.prometric.erp.workflow;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.workflow.ProcessViews.ProcessView;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process diagram drawn from the deployed deal-lifecycle definition: well-formed SVG
 * with a shape per task, event and gateway, a line per sequence flow, names as text, the
 * deal's current step highlighted and its finished steps shaded.
 */
@ErpIntegrationTest
class ProcessDiagramsTests {

	@Autowired
	ProcessDiagrams diagrams;

	@Autowired
	ProcessViews views;

	@Autowired
	RepositoryService repository;

	@Autowired
	TestData data;

	@Test
	void drawsTheDealsProcessWithItsCurrentStepHighlighted() throws Exception {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Diagram Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Almaty Retail LLP");
		UUID deal = UUID.fromString(
				this.data.deal(owner, org.workspaceId(), customer, "Flour supply", Map.of()).path("id").asText());
		ProcessView process = this.views.forObject(org.workspaceId(), owner.id(), "DEAL", deal).processes().get(0);
		assertThat(process.currentStepIds()).contains("Task_QualifyDeal");

		Document svg = parse(this.diagrams.svg(process));

		BpmnModelInstance model = this.repository.getBpmnModelInstance(process.definitionId());
		assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(count(svg, "//*[local-name()='g'][contains(@class,'bpmn-task')]"))
			.isGreaterThanOrEqualTo(model.getModelElementsByType(UserTask.class).size());
		assertThat(count(svg,
				"//*[local-name()='g'][contains(@class,'bpmn-exclusive-gateway')]/*[local-name()='polygon']"))
			.isEqualTo(model.getModelElementsByType(ExclusiveGateway.class).size());
		assertThat(count(svg,
				"//*[local-name()='g'][contains(@class,'bpmn-sequenceFlow')]/*[local-name()='polyline'][@marker-end]"))
			.isEqualTo(model.getModelElementsByType(SequenceFlow.class).size());
		assertThat(count(svg, "//*[local-name()='g'][contains(@class,'event')]/*[local-name()='circle']"))
			.isGreaterThanOrEqualTo(2);

		Element qualify = shape(svg, "Task_QualifyDeal");
		assertThat(qualify.getAttribute("class")).contains("bpmn-task").contains("current");
		assertThat(qualify.getTextContent()).contains("Qualify deal");
		assertThat(shape(svg, "Task_PrepareProposal").getAttribute("class")).doesNotContain("current")
			.doesNotContain("completed");
		assertThat(shape(svg, "StartEvent_DealCreated").getAttribute("class")).contains("bpmn-start-event")
			.contains("completed");
		assertThat(count(svg, "//*[contains(@class,'current')]")).isEqualTo(process.currentStepIds().size());
	}

	@Test
	void theSameDefinitionIsDrawnWithOtherHighlights() throws Exception {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("deal-lifecycle")
			.list()
			.get(0)
			.getId();

		Document svg = parse(this.diagrams.svg(definitionId, Set.of("Task_NegotiateDeal"), Set.of()));

		assertThat(shape(svg, "Task_NegotiateDeal").getAttribute("class")).contains("current");
		assertThat(shape(svg, "Task_QualifyDeal").getAttribute("class")).doesNotContain("current");
		assertThat(count(svg, "//*[contains(@class,'completed')]")).isZero();
	}

	@Test
	void escapesEveryText() {
		assertThat(ProcessDiagrams.escape("<script>alert('x & \"y\"')</script>\u0001"))
			.isEqualTo("&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
		assertThat(ProcessDiagrams.wrap("Check whether the discount needs approval", 90, 2)).hasSize(2)
			.last()
			.asString()
			.endsWith("…");
		assertThat(ProcessDiagrams.wrap("Qualify deal", 100, 3)).isEqualTo(List.of("Qualify deal"));
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	private static int count(Document svg, String xpath) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET))
			.getLength();
	}

	private static Element shape(Document svg, String id) throws Exception {
		NodeList found = (NodeList) XPathFactory.newInstance()
			.newXPath()
			.evaluate("//*[local-name()='g'][@data-element-id='" + id + "']", svg, XPathConstants.NODESET);
		assertThat(found.getLength()).as(id).isEqualTo(1);
		return (Element) found.item(0);
	}

}
