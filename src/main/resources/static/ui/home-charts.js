// Prometric ERP home page: draws the charts whose data the server put, as JSON, in the
// data-chart attribute of each .home-chart element (never user text in script).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.home-chart[data-chart]').forEach(function (element) {
    var data;
    try {
      data = JSON.parse(element.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var money = function (value) {
      return Number(value).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + '\u00a0\u20b8';
    };
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: money },
      legend: { top: 0 },
      grid: { left: 90, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: [
        { type: 'value', axisLabel: { formatter: function (v) { return Number(v).toLocaleString('ru-RU'); } } },
        { type: 'value', minInterval: 1, splitLine: { show: false } }
      ],
      series: [
        { name: data.series[0], type: 'bar', data: data.value },
        { name: data.series[1], type: 'bar', data: data.weighted },
        { name: data.series[2], type: 'line', yAxisIndex: 1, data: data.count,
          tooltip: { valueFormatter: function (v) { return String(v); } } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
