// Sequential UDPs: a level-sensitive latch (output reg, '-' keeps the state, initial), an edge
// sensitive D flip-flop with clear (r, f, p, n, *, (01), (0x), (?0) rows), unmatched edges give
// x, a toggle flip-flop, and a UDP without an initial statement.
primitive latch(q, en, d);
  output q; reg q;
  input en, d;
  initial q = 1'b1;
  table
  // en d : q : q+
     1  0 : ? : 0;
     1  1 : ? : 1;
     0  ? : ? : -;
  endtable
endprimitive

primitive dff(q, clk, d, clr);
  output q; input clk, d, clr; reg q;
  initial q = 0;
  table
  // clk  d  clr : q : q+
     ?    ?  0   : ? : 0;
     (01) 0  1   : ? : 0;
     (01) 1  1   : ? : 1;
     (0x) 1  1   : 1 : 1;
     (0x) 0  1   : 0 : 0;
     (?0) ?  1   : ? : -;
     (x1) ?  1   : ? : x;
     ?    *  1   : ? : -;
     ?    ?  (?1): ? : -;
  endtable
endprimitive

primitive tff(q, t);
  output q; reg q;
  input t;
  initial q = 0;
  table
    r : 0 : 1;
    r : 1 : 0;
    f : ? : -;
    (x0) : ? : -;
  endtable
endprimitive

primitive pn(q, c, d);
  output q; reg q;
  input c, d;
  table
    p ? : ? : 1;
    n ? : ? : 0;
    ? * : ? : -;
  endtable
endprimitive

module top;
  reg en, d, clk, clr, t;
  wire ql, qd, qt, qp;
  latch l1(ql, en, d);
  dff f1(qd, clk, d, clr);
  tff t1(qt, t);
  pn p1(qp, clk, d);
  initial begin
    $monitor("%0t en=%b d=%b clk=%b clr=%b t=%b ql=%b qd=%b qt=%b qp=%b", $time, en, d, clk, clr, t, ql, qd, qt, qp);
    #1 en = 0; clr = 1; clk = 0; t = 0;
    #1 d = 0;
    #1 en = 1;
    #1 d = 1;
    #1 en = 0;
    #1 d = 0;
    #1 clk = 1;
    #1 clk = 0;
    #1 d = 1;
    #1 clk = 1;
    #1 clk = 1'bx;
    #1 clk = 0;
    #1 clk = 1'bx;
    #1 clk = 1;
    #1 clr = 0;
    #1 clr = 1;
    #1 clk = 0;
    #1 clk = 1;
    #1 d = 1'bx;
    #1 d = 0;
    #1 clk = 0;
    #1 clk = 1'bz;
    #1 clk = 1;
    #1 t = 1;
    #1 t = 0;
    #1 t = 1;
    #1 t = 1'bx;
    #1 t = 0;
    #1 t = 1;
    #1 t = 0;
    #1 t = 1;
    #1 $finish;
  end
endmodule
