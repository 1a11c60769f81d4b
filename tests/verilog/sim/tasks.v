module top;
  reg clk = 0;
  integer count = 0;
  task pulse;
    input integer n;
    begin
      repeat (n) begin
        #5 clk = 1;
        #5 clk = 0;
      end
    end
  endtask
  always @(posedge clk) count = count + 1;
  initial begin
    pulse(3);
    $display("count=%0d t=%0d", count, $time);
  end
endmodule
