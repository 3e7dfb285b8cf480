/* Pipeline: drag a card onto a column to move it. The drop only sets the
 * card's own stage <select> and submits its form (which carries the CSRF
 * token), so a drop does exactly what the form's "Move" button does. */
(function () {
	var board = document.querySelector(".board");
	if (!board || !("draggable" in document.createElement("li")))
		return;
	var dragged = null;

	board.querySelectorAll(".opp-card").forEach(function (card) {
		if (!card.querySelector("form.move select[name=stage]"))
			return;
		card.setAttribute("draggable", "true");
		card.addEventListener("dragstart", function (ev) {
			dragged = card;
			card.classList.add("dragging");
			ev.dataTransfer.effectAllowed = "move";
			ev.dataTransfer.setData("text/plain", card.id);
		});
		card.addEventListener("dragend", function () {
			card.classList.remove("dragging");
			dragged = null;
			board.querySelectorAll(".drop-target").forEach(function (c) {
				c.classList.remove("drop-target");
			});
		});
	});

	function columnOf(el) {
		return el && el.closest ? el.closest(".stage-col[data-stage]") : null;
	}

	board.addEventListener("dragover", function (ev) {
		var col = columnOf(ev.target);
		if (!dragged || !col)
			return;
		ev.preventDefault();
		ev.dataTransfer.dropEffect = "move";
		board.querySelectorAll(".drop-target").forEach(function (c) {
			if (c !== col) c.classList.remove("drop-target");
		});
		col.classList.add("drop-target");
	});

	board.addEventListener("drop", function (ev) {
		var col = columnOf(ev.target), card = dragged;
		if (!card || !col)
			return;
		ev.preventDefault();
		col.classList.remove("drop-target");
		var form = card.querySelector("form.move");
		var select = form && form.querySelector("select[name=stage]");
		var stage = col.getAttribute("data-stage");
		if (!select || select.value === stage)
			return;
		select.value = stage;
		if (select.value !== stage)
			return; /* not one of the choices */
		col.querySelector("ul.cards").appendChild(card);
		form.submit();
	});
})();
