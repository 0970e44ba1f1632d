(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var tooltip = { renderMode: 'richText' };
  function chart(id) {
    var el = document.getElementById(id);
    return el ? echarts.init(el, null, { renderer: 'canvas' }) : null;
  }
  var colours = { community: '#2563eb', 'opinion maker': '#7c3aed', angel: '#ea580c', voice: '#94a3b8' };
  var map = chart('chart-map');
  if (map) {
    if (data.map.nodes.length === 0) {
      document.getElementById('chart-map').textContent = 'No communities for this date.';
    } else {
      var maxW = Math.max.apply(null, data.map.edges.map(function (e) { return e.weight; }).concat([1]));
      map.setOption({
        animation: false, tooltip: tooltip,
        legend: { data: data.map.categories, bottom: 0 },
        series: [{
          type: 'graph', layout: 'none', roam: true, top: 40, bottom: 60, left: 140, right: 140,
          categories: data.map.categories.map(function (c) { return { name: c, itemStyle: { color: colours[c] } }; }),
          label: { show: true, position: 'right', fontSize: 11 },
          data: data.map.nodes.map(function (n) {
            return { id: n.id, name: n.name, category: data.map.categories.indexOf(n.category),
                     symbolSize: n.size, value: n.detail, x: n.x, y: n.y,
                     label: { fontSize: n.category === 'community' ? 13 : 10,
                              fontWeight: n.category === 'community' ? 'bold' : 'normal',
                              position: n.category === 'community' ? 'top' : (n.x < 0 ? 'left' : 'right') } };
          }),
          edges: data.map.edges.map(function (e) {
            var between = e.source.charAt(0) === 'c' && e.target.charAt(0) === 'c';
            return { source: e.source, target: e.target, value: e.weight,
                     lineStyle: { width: between ? 1 + 6 * e.weight / maxW : 0.6, opacity: between ? 0.6 : 0.3 } };
          })
        }]
      });
    }
  }
  var topics = chart('chart-topics');
  if (topics) {
    var toneColour = function (t) { return /positive$/.test(t) ? '#16a34a' : /negative$/.test(t) ? '#dc2626' : '#94a3b8'; };
    topics.setOption({
      animation: false, tooltip: tooltip, grid: { left: 260, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'posts' },
      yAxis: { type: 'category', inverse: true, data: data.topics.labels, axisLabel: { width: 250, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.topics.posts.map(function (p, i) {
        return { value: p, itemStyle: { color: toneColour(data.topics.tone[i]) } }; }) }]
    });
  }
  var sentiment = chart('chart-sentiment');
  if (sentiment) {
    sentiment.setOption({
      animation: false, tooltip: tooltip, legend: { bottom: 0 },
      grid: { left: 50, right: 50, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: data.sentiment.days },
      yAxis: [{ type: 'value', name: 'posts' }, { type: 'value', name: 'mean', min: -1, max: 1 }],
      series: [
        { name: 'positive', type: 'bar', stack: 'p', data: data.sentiment.positive, itemStyle: { color: '#16a34a' } },
        { name: 'neutral', type: 'bar', stack: 'p', data: data.sentiment.neutral, itemStyle: { color: '#cbd5e1' } },
        { name: 'negative', type: 'bar', stack: 'p', data: data.sentiment.negative, itemStyle: { color: '#dc2626' } },
        { name: 'mean sentiment', type: 'line', yAxisIndex: 1, data: data.sentiment.mean, itemStyle: { color: '#1f2937' } }
      ]
    });
  }
  var themes = chart('chart-themes');
  if (themes) {
    themes.setOption({
      animation: false, tooltip: tooltip, legend: { bottom: 0 },
      grid: { left: 260, right: 30, top: 10, bottom: 50 },
      xAxis: { type: 'value', name: '% of the stream' },
      yAxis: { type: 'category', inverse: true, data: data.themes.labels, axisLabel: { width: 250, overflow: 'truncate' } },
      series: [
        { name: 'recruitment', type: 'bar', data: data.themes.recruitment, itemStyle: { color: '#2563eb' } },
        { name: 'marketing', type: 'bar', data: data.themes.marketing, itemStyle: { color: '#db2777' } }
      ]
    });
  }
  document.body.setAttribute('data-charts', 'drawn');
})();
