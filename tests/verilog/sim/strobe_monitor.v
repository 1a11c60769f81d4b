module top;
  reg [3:0] a;
  initial begin
    $monitor("mon t=%0d a=%0d", $time, a);
    a = 0;
    #5 a = 1;
    $strobe("strobe a=%0d", a);
    a = 2;
    #5 a = 3;
    #5 $finish;
  end
endmodule
