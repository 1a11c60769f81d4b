// tri0/tri1 pull undriven nets to 0/1; supply0/supply1 are constant; wire with two drivers resolves conflicts to x.
module top;
  reg en;
  reg d1, d2;
  tri0 t0;
  tri1 t1;
  supply0 s0;
  supply1 s1;
  wire w;
  assign t0 = en ? d1 : 1'bz;
  assign t1 = en ? d1 : 1'bz;
  assign w = d1;
  assign w = d2;
  initial begin
    en = 0; d1 = 0; d2 = 0;
    #1 $display("t0=%b t1=%b s0=%b s1=%b w=%b", t0, t1, s0, s1, w);
    en = 1; d1 = 1;
    #1 $display("t0=%b t1=%b w=%b", t0, t1, w);
    d1 = 0; d2 = 1;
    #1 $display("t0=%b t1=%b w=%b", t0, t1, w);
    d1 = 1'bz; d2 = 1;
    #1 $display("t0=%b t1=%b w=%b", t0, t1, w);
  end
endmodule
