// $random without a seed argument uses one global seed starting from 0 (reproducible across runs).
module top;
  integer i;
  reg [7:0] b;
  initial begin
    for (i = 0; i < 6; i = i + 1) begin
      b = $random;
      $display("%h %0d", b, $random & 255);
    end
  end
endmodule
