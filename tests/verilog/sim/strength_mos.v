// MOS switches (1364-2005 clause 7): nmos/pmos/cmos pass their input's strength (supply
// becomes strong), an x or z control gives L/H. (Resistive switches: see
// docs/implementation-defined.md.)
module top;
  reg d, c, pc;
  wire sd, pd, wd;
  wire o1, o2, o4, o5, o7;
  supply1 vdd;
  assign sd = d;
  assign (pull0, pull1) pd = d;
  assign (weak0, weak1) wd = d;
  nmos (o1, sd, c);
  pmos (o2, pd, c);
  pmos (o4, wd, c);
  cmos (o5, pd, c, pc);
  nmos (o7, vdd, c);
  pmos (o7, wd, d);
  initial begin
    $monitor("%0t d=%b c=%b pc=%b: %v %v %v %v %v", $time, d, c, pc, o1, o2, o4, o5, o7);
    d = 0; c = 0; pc = 1;
    #1 c = 1;
    #1 d = 1;
    #1 c = 1'bx;
    #1 pc = 0; c = 0;
    #1 d = 1'bx;
    #1 c = 1'bz; pc = 1;
    #1 d = 0; pc = 1'bx; c = 0;
    #1 $finish;
  end
endmodule
