// $strobe shows values at the end of the slot (after NBAs); $display shows them at once.
module top;
  reg [7:0] x;
  initial begin
    x = 1;
    #1;
    x <= 2;
    $display("display x=%0d", x);
    $strobe("strobe x=%0d", x);
    x = 3;
    $display("display x=%0d", x);
    #0 x <= 4;
    #1 $strobe("strobe2 x=%0d", x);
    x <= x + 1;
  end
endmodule
