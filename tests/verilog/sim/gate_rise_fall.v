// Gate delays #(rise, fall[, turn-off]) chosen by the output's new value, and a delayed
// tranif whose control reaches the switch after its delay (1364-2005 clause 7).
module top;
  reg a, en;
  wire o1, o2, o3, o4;
  supply0 gnd;
  buf #(3, 5) g1 (o1, a);
  not #(2, 4) g2 (o2, a);
  bufif1 #(1, 2, 6) g3 (o3, a, en);
  tranif1 #(4) sw (gnd, o4, en);
  initial begin
    $monitor("%0t a=%b en=%b o1=%b o2=%b o3=%b o4=%v", $time, a, en, o1, o2, o3, o4);
    a = 0; en = 1;
    #10 a = 1;
    #10 a = 0;
    #10 en = 0;
    #10 a = 1'bx; en = 1;
    #10 $finish;
  end
endmodule
